#!/usr/bin/env python3
"""Write N distinct, realistic news articles about regional cooperation in China.

Usage: tools/gen_corpus.py N DIR [--seed S] [--chinese-share F]

Like the bench's corpus (benches/ingest.rs, which recombines the seeds' paragraphs), the
articles are plain text or HTML pages (about half each) with a headline, a dateline and some
clutter; unlike it they are written from templates, so a corpus of any size has real
occurrences to find and merge: agreements signed, joint conferences held, alliances formed and
visits paid between real districts and cities (names as the gazetteer knows them), on real
dates, in named fields. Each occurrence is reported by one to three articles, each worded its
own way, so the merge across articles has work to do. About one article in ten is Chinese.

Deterministic: the same N, seed and share write the same files, byte for byte. Every article
is distinct (a check, not a hope). Python 3 standard library only.
"""

import argparse
import datetime
import hashlib
import html
import os
import random
import sys

# Real districts, counties and cities: the English name as news writes it, with its Chinese
# name. Only names that are unique in Accord's gazetteer, so the parties are not ambiguous.
PLACES = {
    "Nanjing": [
        ("Jiangning District", "江宁区"),
        ("Gaochun District", "高淳区"),
        ("Pukou District", "浦口区"),
    ],
    "Suzhou": [
        ("Kunshan", "昆山市"),
        ("Taicang", "太仓市"),
        ("Changshu", "常熟市"),
    ],
    "Wuxi": [("Jiangyin", "江阴市"), ("Yixing", "宜兴市")],
    "Changzhou": [("Jintan District", "金坛区"), ("Liyang", "溧阳市")],
    "Zhenjiang": [("Danyang", "丹阳市"), ("Jurong", "句容市")],
    "Yangzhou": [("Yizheng", "仪征市"), ("Gaoyou", "高邮市")],
    "Nantong": [("Haimen District", "海门区"), ("Rugao", "如皋市")],
    "Shanghai": [
        ("Qingpu District", "青浦区"),
        ("Songjiang District", "松江区"),
        ("Jiading District", "嘉定区"),
        ("Minhang District", "闵行区"),
        ("Fengxian District", "奉贤区"),
    ],
    "Jiaxing": [
        ("Jiashan County", "嘉善县"),
        ("Pinghu", "平湖市"),
        ("Haining", "海宁市"),
        ("Tongxiang", "桐乡市"),
    ],
    "Huzhou": [("Anji County", "安吉县"), ("Changxing County", "长兴县")],
    "Hangzhou": [
        ("Xiaoshan District", "萧山区"),
        ("Yuhang District", "余杭区"),
        ("Tonglu County", "桐庐县"),
    ],
    "Jinhua": [("Dongyang", "东阳市"), ("Jiangshan", "江山市")],
    "Chongqing": [
        ("Yubei District", "渝北区"),
        ("Fuling District", "涪陵区"),
        ("Yongchuan District", "永川区"),
        ("Jiangjin District", "江津区"),
        ("Hechuan District", "合川区"),
    ],
    "Chengdu": [
        ("Wenjiang District", "温江区"),
        ("Shuangliu District", "双流区"),
        ("Pidu District", "郫都区"),
    ],
    "Tianjin": [
        ("Wuqing District", "武清区"),
        ("Xiqing District", "西青区"),
        ("Jinnan District", "津南区"),
        ("Baodi District", "宝坻区"),
    ],
    "Beijing": [
        ("Shunyi District", "顺义区"),
        ("Changping District", "昌平区"),
        ("Daxing District", "大兴区"),
        ("Pinggu District", "平谷区"),
    ],
    "Guangdong": [
        ("Nansha District", "南沙区"),
        ("Futian District", "福田区"),
        ("Dongguan", "东莞市"),
        ("Foshan", "佛山市"),
        ("Zhuhai", "珠海市"),
    ],
}

# Prefecture-level cities, which sign with each other as often as districts do.
CITIES = [
    ("Hefei", "合肥市"),
    ("Wuhu", "芜湖市"),
    ("Xuancheng", "宣城市"),
    ("Ma'anshan", "马鞍山市"),
    ("Chuzhou", "滁州市"),
    ("Yangzhou", "扬州市"),
    ("Nantong", "南通市"),
    ("Jiaxing", "嘉兴市"),
    ("Huzhou", "湖州市"),
    ("Shaoxing", "绍兴市"),
    ("Ningbo", "宁波市"),
    ("Jinhua", "金华市"),
    ("Chengdu", "成都市"),
    ("Deyang", "德阳市"),
    ("Meishan", "眉山市"),
    ("Langfang", "廊坊市"),
    ("Baoding", "保定市"),
    ("Tangshan", "唐山市"),
    ("Lianyungang", "连云港市"),
    ("Suqian", "宿迁市"),
]

# Fields of cooperation as English news names them (phrases of assets/fields.tsv), with the
# Chinese words for them.
FIELDS = [
    ("new energy vehicles", "新能源汽车"),
    ("biomedicine", "生物医药"),
    ("the digital economy", "数字经济"),
    ("integrated circuits", "集成电路"),
    ("culture and tourism", "文化旅游"),
    ("scientific and technological innovation", "科技创新"),
    ("industrial parks", "产业园区"),
    ("investment promotion", "招商引资"),
    ("transportation infrastructure", "交通基础设施"),
    ("talent cultivation", "人才培养"),
    ("ecological environment protection", "生态环境保护"),
    ("public services such as education and healthcare", "教育医疗等公共服务"),
    ("modern agriculture and rural revitalization", "现代农业和乡村振兴"),
    ("logistics and supply chain", "物流和供应链"),
    ("new energy and photovoltaic industries", "新能源和光伏产业"),
    ("modern finance", "现代金融"),
]

OUTLETS = [
    ("Xinhua Daily", "新华日报"),
    ("Jiefang Daily", "解放日报"),
    ("Zhejiang Daily", "浙江日报"),
    ("Chongqing Daily", "重庆日报"),
    ("Sichuan Daily", "四川日报"),
    ("Tianjin Daily", "天津日报"),
    ("Nanfang Daily", "南方日报"),
    ("Beijing Daily", "北京日报"),
    ("China Daily", "中国日报"),
    ("People's Daily", "人民日报"),
]

SURNAMES = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
            "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"]
GIVEN = ["Wei", "Fang", "Tao", "Jing", "Lei", "Yun", "Min", "Jun", "Hong", "Ping", "Hui",
         "Qiang", "Lin", "Xia", "Bo", "Ning", "Yan", "Gang", "Li", "Chao"]

SURNAMES_ZH = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN_ZH = ["伟", "芳", "涛", "静", "磊", "云", "敏", "军", "红", "平", "晓东", "海燕", "建国", "丽娜"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# What happened, by kind: the English lead sentences (parties joined, place, field), then
# the Chinese ones.
LEADS = {
    "agreement": [
        "On {day}, {parties} signed a strategic cooperation agreement in {host}, agreeing to deepen cooperation in {field}.",
        "{parties} signed a cooperation framework agreement on {field} in {host} on {day}.",
        "On {day}, {parties} signed a regional linkage cooperation agreement, pledging joint work in {field}.",
    ],
    "meeting": [
        "On {day}, {parties} held a joint conference on regional cooperation in {host}, focusing on {field}.",
        "A cooperation symposium between {parties} was held in {host} on {day}, where both sides discussed {field}.",
        "On {day}, {parties} convened a joint meeting on integrated development in {host}, with {field} high on the agenda.",
    ],
    "alliance": [
        "On {day}, {parties} jointly established an industrial alliance in {host} to promote {field}.",
        "{parties} formed a cooperation alliance on {field} in {host} on {day}.",
    ],
    "visit": [
        "On {day}, a party and government delegation from {guest} visited {host} to discuss cooperation in {field}.",
    ],
}

LEADS_ZH = {
    "agreement": "{day}，{parties}在{host}签署战略合作协议，将在{field}等领域深化合作。",
    "meeting": "{day}，{parties}在{host}召开区域合作联席会议，围绕{field}开展交流。",
    "alliance": "{day}，{parties}在{host}共同成立产业联盟，合力推动{field}发展。",
    "visit": "{day}，{guest}党政代表团赴{host}考察，双方就{field}合作进行座谈。",
}

BACKGROUND = [
    "In recent years, the two sides have kept close exchanges and their industries complement each other.",
    "Officials said the move is part of wider efforts to promote the integrated development of the region.",
    "The cooperation will focus on sharing resources, linking industrial chains and coordinating planning.",
    "Both sides agreed to set up a regular consultation mechanism and to meet at least once a year.",
    "Enterprises from both places attended the event and several projects were announced on site.",
    "The agreement builds on a memorandum of understanding reached last year.",
    "According to the plan, a joint working group will follow up on the key projects.",
    "Local leaders described the cooperation as a model of mutual benefit and win-win development.",
    "Experts said better transport links have made closer cooperation possible.",
    "The two places are connected by mountains and rivers and have long-standing ties.",
]

BACKGROUND_ZH = [
    "近年来，双方交流密切，产业互补性强。",
    "双方将建立常态化协商机制，推动重点项目落地。",
    "活动现场，多家企业签约，一批合作项目集中发布。",
    "此次合作是推动区域一体化发展的重要举措。",
    "双方表示，将进一步加强规划对接和资源共享。",
]

CLUTTER_EN = ["Share:", "Facebook", "Twitter", "WeChat", "Related news", "Copyright reserved"]
CLUTTER_ZH = ["分享到：", "微信", "微博", "相关新闻", "版权所有"]


def pick_parties(rng):
    """Two or three places: districts of different cities, or cities."""
    if rng.random() < 0.3:
        return rng.sample(CITIES, rng.choice([2, 2, 3]))
    regions = rng.sample(sorted(PLACES), rng.choice([2, 2, 2, 3]))
    return [rng.choice(PLACES[region]) for region in regions]


def make_occurrences(count, rng):
    """What happened: kind, parties, day, fields; distinct by (day, parties)."""
    seen = set()
    occurrences = []
    while len(occurrences) < count:
        parties = pick_parties(rng)
        day = datetime.date(2016, 1, 1) + datetime.timedelta(days=rng.randrange(9 * 365))
        key = (day, frozenset(name for name, _ in parties))
        if key in seen:
            continue
        seen.add(key)
        kind = rng.choices(["agreement", "meeting", "alliance", "visit"], [5, 4, 2, 1])[0]
        fields = rng.sample(FIELDS, rng.choice([1, 1, 2]))
        occurrences.append({"kind": kind, "parties": parties, "day": day, "fields": fields})
    return occurrences


def joined(names, conjunction="and"):
    if len(names) == 2:
        return f"{names[0]} {conjunction} {names[1]}"
    return ", ".join(names[:-1]) + f" {conjunction} {names[-1]}"


def lead_en(occurrence, rng, with_year):
    """The sentence that reports an occurrence, in one of its wordings."""
    parties = occurrence["parties"][:]
    rng.shuffle(parties)
    names = [name for name, _ in parties]
    day = occurrence["day"]
    day_text = f"{MONTHS[day.month - 1]} {day.day}" + (f", {day.year}" if with_year else "")
    template = rng.choice(LEADS[occurrence["kind"]])
    return template.format(
        day=day_text,
        parties=joined(names),
        host=names[0],
        guest=names[-1],
        field=joined([field for field, _ in occurrence["fields"]]) if len(occurrence["fields"]) > 1
        else occurrence["fields"][0][0],
    )


def lead_zh(occurrence, rng):
    parties = occurrence["parties"][:]
    rng.shuffle(parties)
    names = [zh for _, zh in parties]
    day = occurrence["day"]
    return LEADS_ZH[occurrence["kind"]].format(
        day=f"{day.month}月{day.day}日",
        parties="、".join(names[:-1]) + "与" + names[-1],
        host=names[0],
        guest=names[-1],
        field="、".join(zh for _, zh in occurrence["fields"]),
    )


def person(rng):
    return f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"


def headline_en(occurrence, rng):
    names = [name for name, _ in occurrence["parties"]]
    rng.shuffle(names)
    field = occurrence["fields"][0][0]
    return rng.choice({
        "agreement": [f"{joined(names)} sign cooperation agreement",
                      f"{names[0]} and partners ink deal on {field}",
                      f"New pact links {joined(names)}"],
        "meeting": [f"{joined(names)} hold joint conference",
                    f"Officials of {joined(names)} meet on {field}"],
        "alliance": [f"{joined(names)} form alliance on {field}",
                     f"Alliance launched by {joined(names)}"],
        "visit": [f"Delegation from {names[-1]} visits {names[0]}"],
    }[occurrence["kind"]])


def article_en(index, reports, rng):
    """An English article reporting `reports` (the first is its story): title and paragraphs."""
    main = reports[0]
    published = main["day"] + datetime.timedelta(days=rng.choice([0, 1, 1, 2, 3]))
    # A few pages carry no date at all (a copy pasted from a feed reader): their story's year
    # is unknown, so it is never merged with another article's.
    undated = rng.random() < 0.03
    outlet = rng.choice(OUTLETS)[0]
    reporter = person(rng)
    paragraphs = [lead_en(main, rng, with_year=not undated and rng.random() < 0.4)]
    paragraphs += rng.sample(BACKGROUND, rng.choice([2, 3, 4]))
    official = person(rng)
    place = rng.choice(main["parties"])[0]
    paragraphs.append(
        f"{official}, secretary of the {place} Party Committee, said the cooperation would bring "
        f"new opportunities in {main['fields'][0][0]} and benefit residents of both places."
    )
    for other in reports[1:]:
        paragraphs.append("Earlier, " + lowered(lead_en(other, rng, with_year=True)))
    paragraphs.append(f"(Reporter: {reporter}; article {index:06d})")
    return {
        "title": headline_en(main, rng),
        "published": None if undated else published,
        "outlet": outlet,
        "byline": reporter,
        "paragraphs": paragraphs,
        "clutter": rng.sample(CLUTTER_EN, 3),
    }


def lowered(sentence):
    """A sentence to follow "Earlier, ": "On May 7, …" becomes "on May 7, …"."""
    return sentence[0].lower() + sentence[1:] if sentence.startswith("On ") else sentence


def article_zh(index, reports, rng):
    main = reports[0]
    published = main["day"] + datetime.timedelta(days=rng.choice([0, 1, 2]))
    outlet = rng.choice(OUTLETS)[1]
    names = "、".join(zh for _, zh in main["parties"])
    title = {
        "agreement": f"{names}签署合作协议",
        "meeting": f"{names}召开区域合作联席会议",
        "alliance": f"{names}成立产业联盟",
        "visit": f"{main['parties'][-1][1]}党政代表团赴{main['parties'][0][1]}考察",
    }[main["kind"]]
    paragraphs = [lead_zh(main, rng)]
    paragraphs += rng.sample(BACKGROUND_ZH, 2)
    for other in reports[1:]:
        day = other["day"]
        paragraphs.append(f"此前，{day.year}年" + lead_zh(other, rng))
    reporter = rng.choice(SURNAMES_ZH) + rng.choice(GIVEN_ZH)
    paragraphs.append(f"（记者 {reporter} 稿件编号 {index:06d}）")
    return {
        "title": title,
        "published": published,
        "outlet": outlet,
        "byline": None,
        "paragraphs": paragraphs,
        "clutter": rng.sample(CLUTTER_ZH, 3),
        "chinese": True,
    }


def as_text(article):
    published = article["published"]
    if published is None:
        dateline = f"Source: {article['outlet']}"
    elif article.get("chinese"):
        dateline = f"{published.year}年{published.month:02d}月{published.day:02d}日 09:30  来源：{article['outlet']}"
    else:
        dateline = f"{published.isoformat()} 09:30 | Source: {article['outlet']}"
    parts = [article["title"], dateline] + article["paragraphs"] + article["clutter"]
    return "\n\n".join(parts) + "\n"


def as_html(article):
    published = article["published"]
    language = "zh-CN" if article.get("chinese") else "en"
    escape = html.escape
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in article["paragraphs"])
    clutter = "".join(f"<li><a href=\"#\">{escape(c)}</a></li>" for c in article["clutter"])
    byline = f"<p class=\"byline\">By {escape(article['byline'])}</p>" if article["byline"] else ""
    menu = "".join(
        f'<li><a href="{link}">{escape(label)}</a></li>'
        for link, label in zip(["/", "/news", "/region"],
                               ["首页", "新闻", "区域"] if article.get("chinese")
                               else ["Home", "News", "Region"])
    )
    meta = f'<meta name="publishdate" content="{published.isoformat()}">\n' if published else ""
    shown = f"{published.isoformat()} 09:30 " if published else ""
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{escape(article['title'])} - {escape(article['outlet'])}</title>
{meta}</head>
<body>
<nav><ul>{menu}</ul></nav>
<article>
<h1>{escape(article['title'])}</h1>
<div class="info">{shown}{escape(article['outlet'])}</div>
{byline}
{paragraphs}
</article>
<footer><ul>{clutter}</ul></footer>
</body>
</html>
"""


def generate(count, folder, seed, chinese_share):
    """Writes `count` articles into `folder` and returns their names."""
    rng = random.Random(seed)
    occurrences = make_occurrences(max(1, count * 3 // 5), rng)
    os.makedirs(folder, exist_ok=True)
    written = []
    digests = set()
    for index in range(count):
        # The first articles cover every occurrence once; the rest report some again.
        main = occurrences[index] if index < len(occurrences) else rng.choice(occurrences)
        reports = [main]
        if rng.random() < 0.3:
            other = rng.choice(occurrences)
            if other is not main:
                reports.append(other)
        chinese = rng.random() < chinese_share
        article = article_zh(index, reports, rng) if chinese else article_en(index, reports, rng)
        text = as_html(article) if rng.random() < 0.5 else as_text(article)
        extension = "html" if text.startswith("<!DOCTYPE") else "txt"
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest in digests:
            sys.exit(f"gen_corpus.py: article {index} repeats an earlier one")
        digests.add(digest)
        # Spread over folders of a thousand, as a crawl's archive would be.
        subfolder = os.path.join(folder, f"batch{index // 1000:03d}")
        os.makedirs(subfolder, exist_ok=True)
        name = f"article{index:06d}.{extension}"
        with open(os.path.join(subfolder, name), "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        written.append(name)
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, metavar="N", help="how many articles")
    parser.add_argument("folder", metavar="DIR", help="where to write them (made if missing)")
    parser.add_argument("--seed", type=int, default=17, help="random seed (default 17)")
    parser.add_argument("--chinese-share", type=float, default=0.1,
                        help="share of Chinese articles (default 0.1)")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("N must be at least 1")
    written = generate(args.count, args.folder, args.seed, args.chinese_share)
    print(f"wrote {len(written)} articles to {args.folder}")


if __name__ == "__main__":
    main()
