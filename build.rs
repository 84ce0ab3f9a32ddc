//! Build script: on Windows, embeds `icons/accord.ico` in the executable so Explorer, the
//! Start menu and shortcuts show Accord's icon (the window sets its own at run time on every
//! platform). Elsewhere it does nothing.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=icons/accord.ico");
    #[cfg(windows)]
    {
        let mut resource = winresource::WindowsResource::new();
        resource.set_icon("icons/accord.ico");
        if let Err(error) = resource.compile() {
            // The program works without the icon resource; say why it is missing.
            println!("cargo:warning=the Windows icon was not embedded: {error}");
        }
    }
}
