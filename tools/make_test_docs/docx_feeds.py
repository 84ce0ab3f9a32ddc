#!/usr/bin/env python3
"""Makes the Word documents and feeds under tests/data/formats/ that the docx and feed readers'
tests read (src/ingest/formats/docx.rs, feed.rs).

The files are committed: run this only to change them. It needs python-docx (MIT):

    python3 -m venv /tmp/docx-venv
    /tmp/docx-venv/bin/pip install python-docx
    /tmp/docx-venv/bin/python tools/make_test_docs/docx_feeds.py

from the repository's root. Zip timestamps are fixed, so the same python-docx writes the same
bytes again.
"""

import datetime
import io
import os
import zipfile

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

OUT = os.path.join("tests", "data", "formats")
# A fixed time for every zip entry, so that the files do not change on each run.
ZIP_TIME = (2024, 3, 6, 12, 0, 0)


def add_hyperlink(paragraph, url, text):
    """A hyperlink run: the reader keeps its text and must not take its address for the
    document's own."""
    part = paragraph.part
    relation = part.relate_to(
        url,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def fixed_zip(data):
    """Rewrites a zip with fixed entry times (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def save(document, name):
    buffer = io.BytesIO()
    document.save(buffer)
    data = fixed_zip(buffer.getvalue())
    with open(os.path.join(OUT, name), "wb") as file:
        file.write(data)
    return data


def briefing():
    document = docx.Document()
    properties = document.core_properties
    properties.title = "Regional cooperation briefing"
    properties.author = "Briefing desk"
    # A creation date is when the file was made, not when the news was published.
    properties.created = datetime.datetime(2020, 1, 1, 9, 0, 0)
    properties.modified = datetime.datetime(2020, 1, 2, 9, 0, 0)
    properties.last_printed = datetime.datetime(2020, 1, 2, 9, 0, 0)
    document.add_paragraph(
        "Nanjing and Suzhou deepen industrial cooperation", style="Title"
    )
    document.add_paragraph(
        "On 5 March 2024, Nanjing's Jiangning District and Suzhou Industrial Park signed a "
        "cooperation agreement on industrial transfer."
    )
    second = document.add_paragraph(
        "The agreement covers biomedicine and new energy vehicles."
    )
    second.add_run().add_break()
    second.add_run("Both sides will set up a joint working group.")
    links = document.add_paragraph("Background: ")
    add_hyperlink(links, "https://example.org/elsewhere", "an earlier report")
    document.add_heading("Parties", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, (party, role) in zip(
        table.rows,
        [
            ("Party", "Role"),
            ("Jiangning District", "Receives industry"),
            ("Suzhou Industrial Park", "Transfers industry"),
        ],
    ):
        row.cells[0].text = party
        row.cells[1].text = role
    document.add_paragraph("The working group meets every quarter.")
    save(document, "briefing.docx")


def chinese():
    document = docx.Document()
    document.core_properties.title = ""
    # Word in Chinese names its styles by number ("1" for heading 1): the reader must go by
    # the style's name in styles.xml, not by its id.
    document.styles["Heading 1"].style_id = "1"
    document.add_paragraph("江宁区与苏州工业园区签署战略合作协议", style="Heading 1")
    document.add_paragraph(
        "2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。"
    )
    document.add_paragraph("双方将在产业转移、科技创新等领域开展合作。")
    save(document, "zh.docx")


def bomb():
    """A small zip whose document part unpacks to 100 MB of spaces."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        target.writestr(
            zipfile.ZipInfo("[Content_Types].xml", ZIP_TIME),
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        entry = zipfile.ZipInfo("word/document.xml", ZIP_TIME)
        entry.compress_type = zipfile.ZIP_DEFLATED
        head = (
            b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
            b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
        )
        tail = b"</w:t></w:r></w:p></w:body></w:document>"
        with target.open(entry, "w") as part:
            part.write(head)
            block = b" " * (1024 * 1024)
            for _ in range(100):
                part.write(block)
            part.write(tail)
    with open(os.path.join(OUT, "bomb.docx"), "wb") as file:
        file.write(out.getvalue())


def damaged(whole):
    """The briefing cut off half way, as by a broken download: no central directory."""
    with open(os.path.join(OUT, "damaged.docx"), "wb") as file:
        file.write(whole[: len(whole) // 2])


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Yangtze Delta Cooperation News</title>
    <link>https://news.example.org/</link>
    <description>Regional cooperation in the Yangtze River Delta</description>
    <item>
      <title>Nanjing and Suzhou sign industrial transfer agreement</title>
      <link>https://news.example.org/2024/03/05/nanjing-suzhou</link>
      <guid isPermaLink="false">ydcn-1001</guid>
      <pubDate>Tue, 05 Mar 2024 08:00:00 +0800</pubDate>
      <description>&lt;p&gt;On 5 March 2024, Nanjing's Jiangning District and Suzhou Industrial Park signed a cooperation agreement on industrial transfer.&lt;/p&gt;&lt;p&gt;The agreement covers biomedicine.&lt;/p&gt;</description>
    </item>
    <item>
      <title>沪苏同城化：上海与苏州签署合作框架协议</title>
      <link>https://news.example.org/2024/03/06/shanghai-suzhou</link>
      <dc:date>2024-03-06T09:30:00+08:00</dc:date>
      <description>简要</description>
      <content:encoded><![CDATA[<p>2024年3月6日，上海市与苏州市签署同城化发展合作框架协议。</p><p>双方将共建产业园区。</p>]]></content:encoded>
    </item>
    <item>
      <guid>ydcn-empty</guid>
    </item>
    <item>
      <title>Hefei and Wuhu plan joint science park</title>
      <link>https://news.example.org/2024/03/07/hefei-wuhu</link>
      <pubDate>Thu, 7 Mar 2024 16:45:00 GMT</pubDate>
      <description>Hefei and Wuhu agreed on 7 March 2024 to plan a joint science park.</description>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Pearl River Delta Briefings</title>
  <link rel="self" href="https://briefs.example.org/feed.atom"/>
  <link href="https://briefs.example.org/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2024-04-02T10:00:00Z</updated>
  <entry>
    <title>Guangzhou and Foshan open joint transit line</title>
    <link rel="self" href="https://briefs.example.org/entries/1.atom"/>
    <link rel="alternate" type="text/html" href="https://briefs.example.org/2024/04/01/gz-fs"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <published>2024-04-01T08:00:00+08:00</published>
    <updated>2024-04-02T09:00:00+08:00</updated>
    <author><name>Li Wei</name></author>
    <summary>A short summary.</summary>
    <content type="html">&lt;p&gt;On 1 April 2024, Guangzhou and Foshan signed an agreement to open a joint transit line.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>深圳与香港签署科技合作备忘录</title>
    <link href="https://briefs.example.org/2024/04/02/sz-hk"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
    <updated>2024-04-02T07:15:00Z</updated>
    <summary type="text">2024年4月2日，深圳市与香港特别行政区签署科技合作备忘录。</summary>
  </entry>
</feed>
"""

# A feed as many Chinese sites still serve it: GBK, declared in the XML declaration.
GBK_RSS = """<?xml version="1.0" encoding="gbk"?>
<rss version="2.0">
  <channel>
    <title>江苏合作新闻</title>
    <item>
      <title>南京与镇江签署合作协议</title>
      <link>https://js.example.org/2024/0308.html</link>
      <pubDate>Fri, 08 Mar 2024 10:00:00 +0800</pubDate>
      <description>2024年3月8日，南京市与镇江市签署合作协议，推动宁镇一体化发展。</description>
    </item>
  </channel>
</rss>
"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://news.example.org/2024/03/05/nanjing-suzhou</loc>
    <lastmod>2024-03-05</lastmod>
  </url>
</urlset>
"""


def feeds():
    for name, text, encoding in [
        ("news.rss", RSS, "utf-8"),
        ("news.atom", ATOM, "utf-8"),
        ("news-gbk.rss", GBK_RSS, "gbk"),
        ("not-a-feed.xml", SITEMAP, "utf-8"),
    ]:
        with open(os.path.join(OUT, name), "wb") as file:
            file.write(text.encode(encoding))


def main():
    os.makedirs(OUT, exist_ok=True)
    briefing()
    with open(os.path.join(OUT, "briefing.docx"), "rb") as file:
        whole = file.read()
    chinese()
    bomb()
    damaged(whole)
    feeds()


if __name__ == "__main__":
    main()
