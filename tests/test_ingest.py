"""Reading content/: both formats, encodings, metadata, boilerplate, and errors that name the file."""
from pathlib import Path

import pytest

from generator.clean import clean_article_text
from generator.ingest import article_id, ingest, markdown_to_text
from generator.problems import DigestError

from tests.conftest import SEEDS

OUTLETS = {"syria-tv": object()}
BOILERPLATE = ("Spread the love", "adel karroum", "قد يعجبك ايضا")


def read_seeds(project: Path):
    return {article.id: article for article in ingest(project / "content", OUTLETS).articles}


def test_seeds_are_read_with_their_sidecar_metadata(project):
    articles = read_seeds(project)
    first, second = articles["000_be3b13007542e3b8"], articles["003_163b4c5298a4b073"]
    assert first.title == "الشيباني بحث ووزير إسرائيلي في باريس تفاهمات أمنية حول الجنوب السوري"
    assert first.subtitle == "دعم أميركي – فرنسي للمرحلة الانتقالية في سوريا"
    assert str(first.published) == "2025-07-25" and first.author == "adel karroum"
    assert second.published is None and second.outlet is None
    assert second.title.startswith("لقاء سوري – “صهيوني” في باريس")


def test_boilerplate_and_repeated_title_never_reach_the_body(project):
    for article in read_seeds(project).values():
        for line in BOILERPLATE:
            assert line not in article.body
        assert article.title not in article.body, "the title repeated at the top is removed"
        assert article.body.startswith(("أجرى وزير الخارجية", "كشف مصدر دبلوماسي"))


def test_missing_metadata_is_a_warning_with_the_fix(project):
    warnings = [str(p) for p in ingest(project / "content", OUTLETS).problems]
    assert any("003_163b4c5298a4b073" in w and "published: YYYY-MM-DD" in w for w in warnings)
    assert any("outlet not given" in w for w in warnings)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1256", "utf-16"])
def test_encodings_of_real_arabic_files(tmp_path, encoding):
    text = (SEEDS / "003_163b4c5298a4b073.txt").read_text(encoding="utf-8")
    # cp1256 has no curly quotes: the Windows file carries straight ones
    text = text.replace("“", '"').replace("”", '"') if encoding == "cp1256" else text
    (tmp_path / "a.txt").write_bytes(text.replace("\n", "\r\n").encode(encoding))
    article, = ingest(tmp_path, {}).articles
    assert article.title.startswith("لقاء سوري")
    assert "كشف مصدر دبلوماسي مطّلع" in article.body and "\r" not in article.body


def test_markdown_with_front_matter(tmp_path):
    (tmp_path / "visit.md").write_text(
        "---\ntitle: زيارة\noutlet: syria-tv\npublished: 2025-07-25\nurl: https://example.org/a\n---\n"
        "قال **الوزير** إن الزيارة [ناجحة](https://example.org).\n\n<script>alert(1)</script>\n", encoding="utf-8")
    article, = ingest(tmp_path, OUTLETS).articles
    assert article.title == "زيارة" and article.outlet == "syria-tv"
    assert "قال الوزير إن الزيارة ناجحة." in article.body
    assert "**" not in article.body


def test_broken_front_matter_names_file_and_line(tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: زيارة\npublished: [2025\n---\nنص.\n", encoding="utf-8")
    with pytest.raises(DigestError) as caught:
        ingest(tmp_path, OUTLETS)
    problem, = caught.value.problems
    assert problem.path.name == "bad.md" and problem.line in (3, 4) and "invalid YAML" in problem.message


def test_wrong_types_and_unknown_keys_and_outlets_are_errors(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2025-02-30\ntitel: x\n---\nنص.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("---\noutlet: nowhere\n---\nنص آخر.\n", encoding="utf-8")
    with pytest.raises(DigestError) as caught:
        ingest(tmp_path, OUTLETS)
    text = "\n".join(map(str, caught.value.problems))
    assert "a.md:2: error: published" in text
    assert "titel: unknown key" in text
    assert "unknown outlet 'nowhere' (known: syria-tv)" in text


def test_empty_binary_and_duplicate_files_are_errors(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "one.txt").write_text("عنوان\n\nنص الخبر الأول.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("عنوان\n\nنص الخبر الأول.", encoding="utf-8")
    with pytest.raises(DigestError) as caught:
        ingest(tmp_path, {})
    text = "\n".join(map(str, caught.value.problems))
    assert "empty.txt: error: empty article" in text
    assert "image.txt: error: binary file" in text
    assert "two.txt: error: same text as" in text


def test_the_same_text_from_two_outlets_is_a_wire_story_both_carried_not_a_duplicate(tmp_path):
    wire = "وصل ولي العهد إلى عمّان في زيارة رسمية تستغرق يومين."
    for name, outlet in (("okaz", "okaz"), ("alriyadh", "alriyadh"), ("okaz-again", "okaz")):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: ولي العهد يصل إلى الأردن\noutlet: {outlet}\n---\n{wire}\n",
                                             encoding="utf-8")
    with pytest.raises(DigestError) as caught:
        ingest(tmp_path, {"okaz": None, "alriyadh": None})
    [problem] = caught.value.problems
    assert str(problem).startswith(f"{tmp_path / 'okaz.md'}: error: same text as {tmp_path / 'okaz-again.md'}")
    (tmp_path / "okaz-again.md").unlink()
    assert sorted(a.outlet for a in ingest(tmp_path, {"okaz": None, "alriyadh": None}).articles) == ["alriyadh", "okaz"]


def test_author_glued_to_the_title_line_is_taken_out():
    cleaned = clean_article_text("adel karroumالشيباني يلتقي ديرمر\n\nالتقى الوزير نظيره.")
    assert cleaned.title == "الشيباني يلتقي ديرمر" and cleaned.author == "adel karroum"


def test_author_glued_to_the_last_sentence_is_taken_out():
    cleaned = clean_article_text("عنوان\n\nالتقى الوزير نظيره في باريس.adel karroum")
    assert cleaned.body == "التقى الوزير نظيره في باريس." and cleaned.author == "adel karroum"


def test_a_share_bar_before_the_first_sentence_and_tags_after_the_last_are_taken_out():
    """SaudiNewsNet, 11 August 2015: Okaz prints its share bar, al-Yaum its tags, in the line of the text."""
    okaz = clean_article_text("على طهران تغيير سياستها العدوانية\n\nشارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك أكد وزير"
                              " الخارجية عادل بن أحمد الجبير أن المملكة حريصة على تطوير علاقاتها مع إيران.")
    assert okaz.body.startswith("أكد وزير الخارجية") and okaz.removed == ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك",)
    alyaum = clean_article_text("مسافرون عالقون في مطار ينبع\n\nوأكد المتحدث أن الرحلات ستعود إلى مواعيدها بعد اجتماع"
                                " جميع مسؤولي الهيئة. سمات مسافرون مطار ينبع هيئة الطيران")
    assert alyaum.body.endswith("جميع مسؤولي الهيئة.") and alyaum.removed == ("سمات مسافرون مطار ينبع هيئة الطيران",)


def test_the_word_for_tags_inside_a_sentence_stays():
    text = "عنوان\n\nوقال إن الانضباط من سمات عالمية مهرجان جدة 17 والسيرك الثاني في أبحر الشمالية"
    assert clean_article_text(text).body == text.split("\n\n")[1]


def test_a_decimal_written_with_a_right_to_left_mark_reads_as_readers_saw_it():
    """6.\u200f34 shows as 34.6 in an Arabic line; without the mark it would be 6.34 on our pages."""
    cleaned = clean_article_text("عنوان\n\nزاد متوسط عدد ساعات العمل الأسبوعية إلى 6.\u200f34 ساعة مقابل 5.\u200f34 ساعة.")
    assert cleaned.body == "زاد متوسط عدد ساعات العمل الأسبوعية إلى 34.6 ساعة مقابل 34.5 ساعة."


def test_latin_words_inside_english_text_are_not_taken_for_authors():
    cleaned = clean_article_text("Title\n\nThe minister met his counterpart.\nJohn Smith")
    assert cleaned.author is None and "John Smith" in cleaned.body


def test_markdown_raw_html_stays_text():
    assert markdown_to_text("<b>نص</b> عادي") == "<b>نص</b> عادي"


def test_article_ids_are_url_safe():
    assert article_id("000_be3b13007542e3b8") == "000_be3b13007542e3b8"
    assert article_id("My Article") == "my-article"
    assert article_id("لقاء باريس").startswith("article-")
    assert article_id("../../etc") .startswith("article-")


def test_an_archive_read_on_every_core_says_what_one_by_one_reading_says(tmp_path):
    """Enough files for worker processes: the same articles in the same order, every bad file's
    error (not only the first worker's), hidden folders skipped, and the second read all cached."""
    from generator.cache import ResultCache

    content = tmp_path / "content"
    for month in ("2025-07", "2025-08"):
        (content / month).mkdir(parents=True)
        for day in range(1, 16):
            (content / month / f"{month}-{day:02}.md").write_text(
                f"---\ntitle: خبر {month} {day}\noutlet: syria-tv\n---\nنص الخبر رقم {day} عن {month}.\n", encoding="utf-8")
    (content / "2025-08" / "empty.txt").write_text("", encoding="utf-8")
    (content / "2025-07" / "who.md").write_text("---\ntitle: خبر\noutlet: nobody\n---\nنص.\n", encoding="utf-8")
    (content / ".drafts").mkdir()
    (content / ".drafts" / "draft.md").write_text("", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (content / "linked").symlink_to(tmp_path / "outside")

    with pytest.raises(DigestError) as one_by_one:
        ingest(content, OUTLETS)
    cache = ResultCache(tmp_path / "cache", "test")
    for _ in range(2):
        with pytest.raises(DigestError) as on_every_core:
            ingest(content, OUTLETS, cache)
        assert list(map(str, on_every_core.value.problems)) == list(map(str, one_by_one.value.problems))
    assert cache.misses == 32 and cache.hits == 32
    messages = [f"{p.path.relative_to(content)}: {p.message}" for p in one_by_one.value.problems]
    assert messages == ["linked: symbolic link to something outside the content folder",
                        "2025-07/who.md: outlet: unknown outlet 'nobody' (known: syria-tv)",
                        "2025-08/empty.txt: empty article: no title and no text"]

    (content / "2025-07" / "who.md").unlink()
    (content / "2025-08" / "empty.txt").unlink()
    (content / "linked").unlink()
    read = ingest(content, OUTLETS, cache)
    assert [a.source_path.relative_to(content).as_posix() for a in read.articles] == [
        f"{month}/{month}-{day:02}.md" for month in ("2025-07", "2025-08") for day in range(1, 16)]
    assert read == ingest(content, OUTLETS)


def test_a_line_linking_to_the_article_itself_is_taken_out():
    """SaudiNewsNet, 2 August 2015: al-Weeam ends every article with «رابط الخبر بصحيفة الوئام:» and its title."""
    link = "رابط الخبر بصحيفة الوئام: ودياً النصر يكسب السد القطري بهدفين لهدف سجله تشافي"
    cleaned = clean_article_text(f"ودياً النصر يكسب السد القطري بهدفين لهدف سجله تشافي\n\nوواصل كل من إبراهيم غالب ونايف"
                                 f" هزازي برنامجيهما التأهيلي في صالة الحديد ثم اتجهوا للمسبح.\n{link}")
    assert cleaned.body.endswith("ثم اتجهوا للمسبح.") and cleaned.removed == (link,)
    kept = "عنوان\n\nوقال إن رابط الخبر بالصحيفة: كان معطلا طوال اليوم."  # not at the start of its line
    assert clean_article_text(kept).body == kept.split("\n\n")[1]
