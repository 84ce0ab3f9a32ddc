//! Where a saved page came from and when it was saved, as the saved file itself says: the
//! marks browsers and saving tools leave (a `saved from url=` comment, a SingleFile header, an
//! MHTML `Date:` header) read into an address and a day.
//!
//! Kept apart from `html` and the MHTML reader because both use it, and because these rules are
//! about the tools that save pages rather than about markup or MIME. Nothing here guesses: an
//! address that is not an absolute http(s) address is dropped, a date that is not clearly a
//! day is dropped.

use url::Url;

use crate::model::PartialDate;

/// Longest address kept. Real article addresses are a few hundred characters; a longer "url"
/// is a data URI or junk, and would only clutter the citation.
const MAX_URL_CHARS: usize = 2048;

/// An absolute http(s) address, as written (trimmed), or `None`.
///
/// The text is kept as the file writes it rather than as the `url` crate would re-serialise it:
/// re-serialising turns a Chinese domain into punycode and percent-encodes a Chinese path,
/// which readers of a citation cannot read.
pub fn web_address(text: &str) -> Option<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_URL_CHARS || text.contains(char::is_whitespace)
    {
        return None;
    }
    let parsed = Url::parse(text).ok()?;
    is_web(&parsed).then(|| text.to_owned())
}

/// `href` as an absolute http(s) address: itself when absolute, else resolved against `base`
/// (the page's own address), else `None`; an address is never invented without a base.
pub fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.chars().count() > MAX_URL_CHARS {
        return None;
    }
    if let Some(absolute) = web_address(href) {
        return Some(absolute);
    }
    // An absolute address of another scheme (`javascript:`, `file:`) is not a web address,
    // whatever the base.
    if Url::parse(href).is_ok() {
        return None;
    }
    let base = Url::parse(base?).ok().filter(is_web)?;
    let joined = base.join(href).ok().filter(is_web)?;
    Some(joined.to_string())
}

fn is_web(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.host().is_some()
}

/// The address in a `<!-- saved from url=(0043)https://… -->` comment (Internet Explorer's and
/// Chrome's "Webpage, complete"), given the comment's text. The number in brackets is the
/// address's length; it is used when it fits, else the address runs to the first space.
pub fn saved_from(comment: &str) -> Option<String> {
    let text = comment.trim_start();
    let rest = strip_prefix_ignore_case(text, "saved from url=")?;
    let mut address = rest;
    let mut length = None;
    if let Some(inner) = rest.strip_prefix('(')
        && let Some(close) = inner.find(')')
    {
        length = inner[..close].trim().parse::<usize>().ok();
        address = &inner[close + 1..];
    }
    let address = address.trim_start();
    let until_space = address
        .split(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let stated = length
        .and_then(|length| address.get(..length))
        .filter(|stated| !stated.contains(char::is_whitespace));
    web_address(stated.unwrap_or(until_space))
}

/// What a SingleFile header comment says: the page's address and the day it was saved.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SingleFileHeader {
    /// The `url:` line, when an http(s) address.
    pub url: Option<String>,
    /// The `saved date:` line as a day (`2024-03-07`).
    pub saved: Option<String>,
}

/// Reads the header comment SingleFile writes at the top of a page it saves:
///
/// ```text
/// <!--
///  Page saved with SingleFile
///  url: https://example.com/story
///  saved date: Thu Mar 07 2024 10:12:00 GMT+0800 (China Standard Time)
/// -->
/// ```
///
/// given the comment's text; `None` when the comment is not one.
pub fn single_file(comment: &str) -> Option<SingleFileHeader> {
    let mut lines = comment
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty());
    let first = lines.next()?;
    strip_prefix_ignore_case(first, "page saved with singlefile")?;
    let mut header = SingleFileHeader::default();
    // The header is a handful of lines; a longer comment is read no further.
    for line in lines.take(16) {
        let Some((label, value)) = line.split_once(':') else {
            continue;
        };
        match label.trim().to_ascii_lowercase().as_str() {
            "url" => header.url = header.url.or_else(|| web_address(value)),
            "saved date" => header.saved = header.saved.or_else(|| written_date(value)),
            _ => {}
        }
    }
    Some(header)
}

/// A day written the ways saving tools write it, as `YYYY-MM-DD`: an RFC 822 mail date
/// (`Tue, 05 Mar 2024 08:00:00 +0800`, an MHTML `Date:` header), JavaScript's `Date` text
/// (`Thu Mar 07 2024 10:12:00 GMT+0800 (China Standard Time)`, SingleFile's header), or ISO
/// 8601 (`2024-03-07T10:12:00Z`). The day is the one written, in the saver's own time zone:
/// that is the day the person saved the page.
pub fn written_date(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(iso) = iso_day(text) {
        return Some(iso);
    }
    // Day, month name and year among the first few words; the time and zone come after.
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .take(5)
        .collect();
    let mut month = None;
    let mut day = None;
    let mut year = None;
    for word in words {
        if word.contains(':') {
            break;
        }
        if let Some(number) = month_number(word) {
            month = month.or(Some(number));
        } else if word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()) {
            year = year.or_else(|| word.parse::<u16>().ok());
        } else if (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) {
            day = day.or_else(|| word.parse::<u8>().ok());
        }
    }
    format_day(year?, month?, day?)
}

/// `2024-03-07` at the start of `text` (followed by nothing, `T` or a space).
fn iso_day(text: &str) -> Option<String> {
    let head = text.get(..10)?;
    let bytes = head.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let after = text.as_bytes().get(10);
    if after.is_some_and(|&b| b != b'T' && b != b't' && b != b' ') {
        return None;
    }
    let year = head[..4].parse::<u16>().ok()?;
    let month = head[5..7].parse::<u8>().ok()?;
    let day = head[8..10].parse::<u8>().ok()?;
    format_day(year, month, day)
}

/// The day as `YYYY-MM-DD` when it is a real calendar day in a year a saved page can have.
fn format_day(year: u16, month: u8, day: u8) -> Option<String> {
    if !(1990..=2200).contains(&year) {
        return None;
    }
    PartialDate::ymd(i32::from(year), month, day).map(|_| format!("{year:04}-{month:02}-{day:02}"))
}

/// An English month name or its three-letter abbreviation.
fn month_number(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|month| {
            month.starts_with(&word) && (word.len() == 3 || word.len() == month.len())
        })
        .and_then(|index| u8::try_from(index + 1).ok())
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_web_addresses_are_kept() {
        assert_eq!(
            web_address(" https://www.js.gov.cn/art/2024/3/5/art_1.html "),
            Some("https://www.js.gov.cn/art/2024/3/5/art_1.html".to_owned())
        );
        // Written as the file writes it: a Chinese domain is not turned into punycode.
        assert_eq!(
            web_address("http://中国政府网.政务/新闻"),
            Some("http://中国政府网.政务/新闻".to_owned())
        );
        for not_web in [
            "file:///C:/Users/me/story.html",
            "about:blank",
            "javascript:void(0)",
            "/news/story.html",
            "https://exa mple.com/",
            "",
        ] {
            assert_eq!(web_address(not_web), None, "{not_web}");
        }
    }

    #[test]
    fn a_relative_address_is_resolved_against_the_page_or_dropped() {
        assert_eq!(
            resolve("/news/1.html", Some("https://example.com/a/b.html")),
            Some("https://example.com/news/1.html".to_owned())
        );
        assert_eq!(
            resolve("//example.com/x", Some("https://example.com/a")),
            Some("https://example.com/x".to_owned())
        );
        assert_eq!(resolve("/news/1.html", None), None);
        assert_eq!(resolve("/news/1.html", Some("file:///tmp/a.html")), None);
        assert_eq!(
            resolve("javascript:go()", Some("https://example.com/")),
            None
        );
    }

    #[test]
    fn reads_the_saved_from_comment() {
        assert_eq!(
            saved_from(" saved from url=(0030)https://example.com/a/b.html "),
            Some("https://example.com/a/b.html".to_owned())
        );
        // A wrong length falls back to the address up to the first space.
        assert_eq!(
            saved_from("saved from url=(0099)https://example.com/a "),
            Some("https://example.com/a".to_owned())
        );
        assert_eq!(saved_from("saved from url=(0014)about:internet"), None);
        assert_eq!(saved_from("a comment"), None);
    }

    #[test]
    fn reads_the_single_file_header() {
        let comment = "\n Page saved with SingleFile \n url: https://www.example.cn/news/1.html \n saved date: Thu Mar 07 2024 10:12:00 GMT+0800 (China Standard Time)\n";
        assert_eq!(
            single_file(comment),
            Some(SingleFileHeader {
                url: Some("https://www.example.cn/news/1.html".to_owned()),
                saved: Some("2024-03-07".to_owned()),
            })
        );
        assert_eq!(single_file(" a comment "), None);
    }

    #[test]
    fn writes_the_dates_of_saving_tools_as_days() {
        for (written, day) in [
            ("Tue, 05 Mar 2024 08:00:00 +0800", "2024-03-05"),
            ("5 Mar 2024 08:00:00 GMT", "2024-03-05"),
            (
                "Thu Mar 07 2024 10:12:00 GMT+0800 (China Standard Time)",
                "2024-03-07",
            ),
            ("2024-03-07T10:12:00.000Z", "2024-03-07"),
            ("Thursday, March 7, 2024 10:12", "2024-03-07"),
        ] {
            assert_eq!(written_date(written).as_deref(), Some(day), "{written}");
        }
        for not_a_day in [
            "Tue, 31 Feb 2024 08:00:00 +0800",
            "yesterday",
            "Mar 2024",
            "12:00 5 Mar 2024",
            "2024-13-01",
        ] {
            assert_eq!(written_date(not_a_day), None, "{not_a_day}");
        }
    }
}
