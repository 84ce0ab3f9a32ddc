//! Full-text search at scale: `cargo bench --bench search`.
//!
//! Generates 100,000 articles (`ACCORD_BENCH_DOCUMENTS` changes the count) in the manner of
//! `tools/gen_corpus.py` — English reports of cooperation between real districts and cities,
//! one in ten Chinese (`ACCORD_BENCH_CHINESE_PERCENT` changes the share), a third of those in
//! traditional characters —, indexes them through the app's own
//! search service (its indexing thread, batches and commits) into a folder on disk, reports the
//! time and the index's size, reopens it as the app does at start, and times typical queries:
//! median and worst of repeated runs, each with its hits' snippets built as the search window
//! shows them.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use accord::desk::fulltext::{FullTextIndex, IndexText, SearchEvent, SearchService};
use accord::model::DocumentId;
use accord::state::SEARCH_LIMIT;

const DOCUMENTS: usize = 100_000;
/// Articles generated and handed to the index at a time.
const CHUNK: usize = 2_000;
/// Runs of each query.
const RUNS: usize = 21;

const CITIES: [(&str, &str); 12] = [
    ("Nanjing", "南京市"),
    ("Suzhou", "苏州市"),
    ("Wuxi", "无锡市"),
    ("Changzhou", "常州市"),
    ("Shanghai", "上海市"),
    ("Hangzhou", "杭州市"),
    ("Jiaxing", "嘉兴市"),
    ("Hefei", "合肥市"),
    ("Chengdu", "成都市"),
    ("Chongqing", "重庆市"),
    ("Wuhu", "芜湖市"),
    ("Nantong", "南通市"),
];

const DISTRICTS: [(&str, &str); 10] = [
    ("Jiangning District", "江宁区"),
    ("Kunshan", "昆山市"),
    ("Jiangyin", "江阴市"),
    ("Qingpu District", "青浦区"),
    ("Jiashan County", "嘉善县"),
    ("Xiaoshan District", "萧山区"),
    ("Liangjiang New Area", "两江新区"),
    ("Tianfu New Area", "天府新区"),
    ("Haimen District", "海门区"),
    ("Yixing", "宜兴市"),
];

const FIELDS: [(&str, &str); 8] = [
    ("artificial intelligence", "人工智能"),
    ("new energy vehicles", "新能源汽车"),
    ("biomedicine", "生物医药"),
    ("logistics", "物流"),
    ("tourism", "文化旅游"),
    ("integrated circuits", "集成电路"),
    ("ecological protection", "生态环境保护"),
    ("talent exchange", "人才交流"),
];

const KINDS: [(&str, &str); 5] = [
    ("signed a cooperation agreement", "签署合作协议"),
    ("held a joint conference", "召开联席会议"),
    ("formed an industrial alliance", "成立产业联盟"),
    ("paid a visit", "考察交流"),
    ("launched an industrial park", "共建产业园区"),
];

const FILLER: [&str; 6] = [
    "Officials said the two sides would strengthen coordination of planning, share resources and \
     build platforms for enterprises, so that projects can land faster and the region develops as one.",
    "The agreement covers joint investment promotion, mutual recognition of qualifications and a \
     shared service window for companies that operate in both places.",
    "According to the municipal development and reform commission, more than twenty projects with \
     a total investment of several billion yuan were signed on the day.",
    "Representatives of universities, research institutes and leading companies attended the \
     meeting and discussed how to turn research results into industrial capacity.",
    "The two governments will set up a working group that meets every quarter to follow up on the \
     tasks listed in the framework and report progress to the provincial leadership.",
    "Local residents are expected to benefit from better transport links, cross-city medical \
     insurance settlement and shared tourism cards starting next year.",
];

const FILLER_ZH: [&str; 4] = [
    "双方表示，将进一步加强规划对接，推动资源共享，搭建企业合作平台，促进项目加快落地。",
    "根据协议，两地将在招商引资、资质互认和政务服务等方面开展深度合作，实现一网通办。",
    "会上，来自高校、科研院所和龙头企业的代表围绕科技成果转化进行了深入交流。",
    "下一步，两地将建立常态化工作机制，每季度召开一次会议，协调解决合作中遇到的问题。",
];

/// A small deterministic generator (xorshift), so every run indexes the same articles.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// Article `n`: `chinese_percent` in a hundred Chinese (one in three of those in traditional
/// characters), one in ten thousand mentions zeolite (the rare word).
fn article(n: usize, chinese_percent: usize, random: &mut Random) -> IndexText {
    let (city, city_zh) = *random.pick(&CITIES);
    let (other, other_zh) = *random.pick(&CITIES);
    let (district, district_zh) = *random.pick(&DISTRICTS);
    let (field, field_zh) = *random.pick(&FIELDS);
    let (kind, kind_zh) = *random.pick(&KINDS);
    let day = 1 + random.next() % 28;
    let month = 1 + random.next() % 12;
    let year = 2015 + random.next() % 10;
    let (title, mut body) = if n % 100 < chinese_percent {
        let title = format!("{district_zh}与{other_zh}{kind_zh}");
        let mut body = format!(
            "{year}年{month}月{day}日，{city_zh}{district_zh}与{other_zh}在{field_zh}领域{kind_zh}。"
        );
        for _ in 0..(4 + random.next() % 6) {
            body.push_str(random.pick::<&str>(&FILLER_ZH));
        }
        body.push_str(&format!("（记者 第{n}号报道）"));
        if n.is_multiple_of(3) {
            body = hanconv::s2t(&body);
        }
        (title, body)
    } else {
        let title = format!("{district} and {other} {kind} on {field}");
        let mut body = format!(
            "{city}, {month}/{day}/{year} -- {district} of {city} and {other} {kind} on {field}, \
             the {n}th report of the series.\n\n"
        );
        for _ in 0..(5 + random.next() % 10) {
            body.push_str(random.pick::<&str>(&FILLER));
            body.push(' ');
        }
        (title, body)
    };
    if n % 10_000 == 7 {
        body.push_str(" Zeolite catalysts from the joint laboratory were shown.");
    }
    IndexText {
        document_id: DocumentId::of_text(&format!("{n} {body}")),
        title,
        body,
        places: format!("{city}\n{city_zh}\n{district}\n{district_zh}\n{other}\n{other_zh}"),
    }
}

fn main() {
    let documents = std::env::var("ACCORD_BENCH_DOCUMENTS")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DOCUMENTS);
    let chinese_percent = std::env::var("ACCORD_BENCH_CHINESE_PERCENT")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(10)
        .min(100);
    let Ok(folder) = tempfile::tempdir() else {
        eprintln!("no temporary folder");
        return;
    };
    let path = folder.path().join("library.search");
    let (indexing, body_bytes) = index(&path, documents, chinese_percent);
    println!(
        "indexed {documents} articles, {chinese_percent} % Chinese ({:.0} MB of text) in {:.1} s ({:.0} articles/s); index {:.0} MB on disk",
        body_bytes as f64 / 1e6,
        indexing.as_secs_f64(),
        documents as f64 / indexing.as_secs_f64(),
        folder_bytes(&path) as f64 / 1e6
    );
    let started = Instant::now();
    let Some(index) = reopen(&path) else {
        eprintln!("the index could not be opened again");
        return;
    };
    let Ok(reader) = index.reader() else {
        eprintln!("no reader");
        return;
    };
    let known = index.document_ids(&reader).len();
    println!(
        "reopened as at start ({:?}, {known} article ids read) in {} ms",
        index.opened,
        started.elapsed().as_millis()
    );
    println!(
        "{:<48} {:>9} {:>8} {:>10} {:>9}",
        "query", "articles", "listed", "median ms", "worst ms"
    );
    for query in [
        "zeolite",
        "cooperation",
        "enterprises",
        "the",
        "江宁",
        "蘇州",
        "合作",
        "\"产业联盟\"",
        "title:协议",
        "江宁 -物流",
        "\"industrial park\"",
        "\"integrated circuits\" kunshan",
        "title:alliance",
        "place:昆山",
        "Nanjing AND (Suzhou OR Wuxi) NOT logistics",
        "tourism -hangzhou",
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut last = None;
        for _ in 0..RUNS {
            let started = Instant::now();
            let found = index.search(&reader, query, SEARCH_LIMIT);
            times.push(started.elapsed());
            last = Some(found);
        }
        times.sort();
        let (matched, listed) = last.map_or((0, 0), |found| (found.documents, found.hits.len()));
        println!(
            "{query:<48} {matched:>9} {listed:>8} {:>10.1} {:>9.1}",
            times[RUNS / 2].as_secs_f64() * 1e3,
            times[RUNS - 1].as_secs_f64() * 1e3
        );
    }
}

/// Indexes `documents` generated articles through the search service; returns the time until
/// the last commit and the bytes of body text.
fn index(path: &Path, documents: usize, chinese_percent: usize) -> (Duration, usize) {
    let committed = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&committed);
    let Ok(service) = SearchService::start(Some(path.to_path_buf()), move |event| {
        if let SearchEvent::Committed { documents } = event {
            seen.store(documents, Ordering::Relaxed);
        }
    }) else {
        eprintln!("the search service did not start");
        return (Duration::ZERO, 0);
    };
    let mut random = Random(0x5EED_CAFE_F00D_0001);
    let mut body_bytes = 0;
    let started = Instant::now();
    let mut sent = 0;
    while sent < documents {
        let chunk: Vec<IndexText> = (sent..(sent + CHUNK).min(documents))
            .map(|n| article(n, chinese_percent, &mut random))
            .collect();
        body_bytes += chunk.iter().map(|text| text.body.len()).sum::<usize>();
        sent += chunk.len();
        service.add(chunk);
        // At most two chunks wait in the queue, so the bench holds little text at a time.
        while service.progress().done + 2 * CHUNK < sent {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
    while committed.load(Ordering::Relaxed) < documents {
        std::thread::sleep(Duration::from_millis(10));
    }
    let elapsed = started.elapsed();
    drop(service);
    (elapsed, body_bytes)
}

/// Opens the index again once the service's threads have let go of it (at most 30 s).
fn reopen(path: &Path) -> Option<FullTextIndex> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match FullTextIndex::open(path) {
            Ok(index) => return Some(index),
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return None,
        }
    }
}

/// The bytes of the files in `folder`.
fn folder_bytes(folder: &Path) -> u64 {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| entry.metadata().ok())
                .map(|metadata| metadata.len())
                .sum()
        })
        .unwrap_or(0)
}
