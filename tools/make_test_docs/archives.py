#!/usr/bin/env python3
"""Writes the web-archive test files under tests/data/formats/:

    page.mhtml          an English article as Chrome saves it: multipart/related, the page
                        quoted-printable in UTF-8 with its Content-Location, a Date: and a
                        Subject: header, and a picture and a style sheet beside it
    zh.mht              a Chinese article as Internet Explorer saves it: the page base64 in
                        GB2312
    damaged.mhtml       an archive cut off before its first part (a broken download)
    singlefile.html     a page saved by SingleFile, its header comment giving the address and
                        the date saved
    complete/story.html a "Webpage, complete" with its `saved from url=` comment, and
    complete/story_files/  its picture, style sheet and script

Needs only Python 3.9+ (the standard library's `email` package). Run from anywhere:

    python3 tools/make_test_docs/archives.py

The outputs are committed; the unit tests in src/ingest/ read them. Every address is under a
domain reserved for examples; the articles are made up for the tests.
"""

import base64
import datetime
import email.charset
import email.policy
import struct
import zlib
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent.parent / "tests" / "data" / "formats"

# Archives are written with CRLF line ends, as browsers write them.
CRLF = email.policy.compat32.clone(linesep="\r\n")

CHINA = datetime.timezone(datetime.timedelta(hours=8))

EN_URL = "https://news.example.com/regional/2024/03/05/jiangning-suzhou-industrial-transfer.html"
EN_TITLE = "Jiangning and Suzhou Industrial Park sign industrial transfer agreement"
EN_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{EN_TITLE} - Example News</title>
<link rel="stylesheet" href="https://news.example.com/static/site.css">
</head><body>
<nav><a href="/">Home</a> <a href="/regional/">Regional</a></nav>
<article>
<h1>{EN_TITLE}</h1>
<p class="byline">By Example News staff | 2024-03-05</p>
<p>On 5 March 2024, Nanjing's Jiangning District and Suzhou Industrial Park signed a cooperation agreement on industrial transfer.</p>
<p>Under the agreement, the two sides will build a joint industrial park and share investment leads \u2014 a step in the integration of the Yangtze River Delta.</p>
<img src="https://news.example.com/img/logo.png" alt="logo">
</article>
<footer>Copyright Example News</footer>
</body></html>
"""

ZH_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>南京江宁与苏州工业园区签署战略合作协议</title></head><body>
<h1>南京江宁与苏州工业园区签署战略合作协议</h1>
<p>发布时间：2024-03-05</p>
<p>2024年3月5日，南京市江宁区与苏州工业园区签署战略合作协议。</p>
<p>双方将在产业转移、科技创新和人才交流等方面开展合作。</p>
</body></html>
"""


def tiny_png() -> bytes:
    """A valid 1×1 grey PNG, made without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def page_mhtml() -> bytes:
    archive = MIMEMultipart("related", boundary="----MultipartBoundary--Accord1234567890----")
    archive.set_param("type", "text/html")
    archive["From"] = "<Saved by Blink>"
    archive["Snapshot-Content-Location"] = EN_URL
    archive["Subject"] = Header(f"{EN_TITLE} - Example News", "utf-8")
    archive["Date"] = email.utils.format_datetime(
        datetime.datetime(2024, 3, 5, 8, 0, tzinfo=CHINA)
    )
    utf8_qp = email.charset.Charset("utf-8")
    utf8_qp.body_encoding = email.charset.QP
    page = MIMEText(EN_PAGE, "html", utf8_qp)
    page["Content-ID"] = "<frame-A1B2C3@mhtml.blink>"
    page["Content-Location"] = EN_URL
    archive.attach(page)
    style = MIMEText("body { font-family: serif; }\n", "css", "utf-8")
    style["Content-Location"] = "https://news.example.com/static/site.css"
    archive.attach(style)
    picture = MIMEBase("image", "png")
    picture.set_payload(base64.encodebytes(tiny_png()).decode("ascii"))
    picture["Content-Transfer-Encoding"] = "base64"
    picture["Content-Location"] = "https://news.example.com/img/logo.png"
    archive.attach(picture)
    return archive.as_bytes(policy=CRLF)


def zh_mht() -> bytes:
    archive = MIMEMultipart("related", boundary="----=_NextPart_000_0000_01DA6F2B.12345670")
    archive.set_param("type", "text/html")
    archive["From"] = "<Saved by Windows Internet Explorer 11>"
    # Written by hand: Python labels GB2312 words "eucgb2312_cn", a name no browser writes.
    subject = base64.b64encode("南京江宁与苏州工业园区签署战略合作协议".encode("gb2312"))
    archive["Subject"] = f"=?gb2312?B?{subject.decode('ascii')}?="
    archive["Date"] = "Wed, 6 Mar 2024 09:30:00 +0800"
    gb2312 = email.charset.Charset("gb2312")
    gb2312.body_encoding = email.charset.BASE64
    page = MIMEText(ZH_PAGE, "html", gb2312)
    page["Content-Location"] = "http://www.example.cn/xwzx/2024/0305/zh.html"
    archive.attach(page)
    return archive.as_bytes(policy=CRLF)


def damaged_mhtml() -> bytes:
    # The headers of an archive and the first bytes of its preamble; the download stopped
    # before the first part.
    whole = page_mhtml()
    cut = whole.index(b"------MultipartBoundary")
    return whole[:cut] + b"This is a multi-part message in MIME for"


def singlefile_html() -> bytes:
    url = "https://www.example.org/news/2024/03/07/wuxi-changzhou-cooperation.html"
    page = f"""<!DOCTYPE html> <html lang="en"><!--
 Page saved with SingleFile 
 url: {url} 
 saved date: Thu Mar 07 2024 10:12:00 GMT+0800 (China Standard Time)
--><meta charset="utf-8">
<title>Wuxi and Changzhou sign a cooperation agreement</title>
<style>body{{margin:0}}</style>
<meta property="og:title" content="Wuxi and Changzhou sign a cooperation agreement">
<body>
<h1>Wuxi and Changzhou sign a cooperation agreement</h1>
<p>On 6 March 2024, Wuxi and Changzhou signed a cooperation agreement on transport and tourism.</p>
</body></html>
"""
    return page.encode("utf-8")


def complete_page() -> bytes:
    url = "https://www.example.net/city/2024-03/04/changzhou-taizhou-park.html"
    page = f"""<!DOCTYPE html>
<!-- saved from url=({len(url):04d}){url} -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>Changzhou and Taizhou open a joint park</title>
<link rel="stylesheet" href="./story_files/style.css">
<script src="./story_files/app.js"></script>
</head><body>
<img src="./story_files/logo.png" alt="">
<h1>Changzhou and Taizhou open a joint park</h1>
<p>On 4 March 2024, Changzhou and Taizhou opened a jointly built industrial park.</p>
</body></html>
"""
    return page.encode("utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "page.mhtml").write_bytes(page_mhtml())
    (OUT / "zh.mht").write_bytes(zh_mht())
    (OUT / "damaged.mhtml").write_bytes(damaged_mhtml())
    (OUT / "singlefile.html").write_bytes(singlefile_html())
    complete = OUT / "complete"
    resources = complete / "story_files"
    resources.mkdir(parents=True, exist_ok=True)
    (complete / "story.html").write_bytes(complete_page())
    (resources / "logo.png").write_bytes(tiny_png())
    (resources / "style.css").write_bytes(b"body { font-family: sans-serif; }\n")
    (resources / "app.js").write_bytes(b"document.documentElement.className = 'js';\n")


if __name__ == "__main__":
    main()
