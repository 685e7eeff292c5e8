"""Direct quotes with their speaker and reporting verb; scare quotes as framing.

Every pair of quotation marks is one of three things:
- a name (“تلفزيون سوريا”, منصة “إكس”): after a media head, or a known name;
- a quote: words someone said, introduced by a reporting verb (قال براك: “…”,
  مضيفًا أن “…”, نقل الموقع عن مسؤولين قولهم إن “…”), by a verb of naming
  (لما وصفته بـ”…”: the words are attributed, so they are a partial quote of
  whoever used them), or embedded in a sentence that reports someone's words
  (وقال مسؤول … إن الحكومة تأمل … إلى “…”);
- framing: the reporter's own marks around a name or nisba (الكيان “الإسرائيلي”,
  تهديد “إسرائيل”), around one word or a short term nobody is said to have
  used, or after "ما يسمى".
A speaker is never invented: when no one is named it is None.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex

from generator.analyze.entities import (
    ACCORDING_TO,
    DEFAULT_GAZETTEER,
    DESCRIBING_VERBS,
    MEDIA_HEADS,
    Gender,
    NISBA,
    QUOTE_MARKS,
    RELAYING_VERBS,
    REPORTING_PARTICIPLES,
    REPORTING_VERBS,
    SAYING_VERBS,
    SOURCE_HEADS,
    SPEECH_NOUNS,
    THAT,
    TITLE_HEADS,
    Token,
    collapse_quoted_names,
    display,
    is_definite,
    is_one_of,
    is_reporting_verb,
    lexicon,
    match_stem,
    noun_phrase,
    past_receiver,
    person_aliases,
    speech_gender,
    stems,
    tokenize,
    without_article,
    written_stem,
)
from generator.analyze.normalize import normalize_for_matching
from generator.analyze.sentences import Sentence


@dataclass(frozen=True)
class Quote:
    text: str  # the words inside the quotation marks, exactly as in the article
    sentence_index: int  # the sentence the opening mark is in
    speaker: str | None  # fullest mention found: "توم براك", "مسؤول إسرائيلي كبير"
    verb: str | None  # reporting verb as written: قال، مضيفًا، نقل عن، بحسب
    partial: bool  # a fragment inside the reporter's sentence (أن “…”)
    via: str | None = None  # who relayed it: "موقع أكسيوس" for officials quoted by Axios


@dataclass(frozen=True)
class FramingMark:
    text: str  # the word(s) in scare quotes: "الإسرائيلي"
    sentence_index: int
    phrase: str  # the phrase it qualifies, as written: 'الكيان “الإسرائيلي”'


@dataclass(frozen=True)
class QuoteFindings:
    quotes: tuple[Quote, ...]
    framing: tuple[FramingMark, ...]
    quoted_names: tuple[str, ...]  # “تلفزيون سوريا”، “إكس”: names, not quotes


def find_quotes(sentences: Sequence[Sentence], known_names: Collection[str] = ()) -> QuoteFindings:
    context = _Context(person_aliases(sentences))
    paragraphs = [(paragraph, tokenize(paragraph.text)) for paragraph in _paragraphs(sentences)]
    # A name in marks after the word for it (بطولة «خليجي 23») is that name wherever the article marks it.
    names_known = [*known_names, *_QUOTED_NAMES]
    names_known += [display(token.text) for paragraph, tokens in paragraphs
                    for token in collapse_quoted_names(paragraph.text, tokens, names_known) if token.kind == "name"]
    quotes: list[Quote] = []
    framing: list[FramingMark] = []
    names: dict[str, None] = {}
    for paragraph, paragraph_tokens in paragraphs:
        tokens = collapse_quoted_names(paragraph.text, paragraph_tokens, names_known)
        names.update((display(t.text), None) for t in tokens if t.kind == "name")
        spans = _top_level_spans(paragraph.text, tokens)
        collapsed = _collapse(paragraph.text, tokens, spans)
        covered = 0  # a quote left open runs to the end of its paragraph
        for position, sentence in enumerate(paragraph.sentences):
            for span in spans:
                if paragraph.sentence_at(span.open.start) != position or span.open.start < covered:
                    continue
                found = _classify(span, paragraph, collapsed, context)
                if isinstance(found, Quote):
                    quotes.append(found)
                    context.remember(found.sentence_index, found.speaker, speech_gender(found.verb))
                    if span.close is None:
                        covered = len(paragraph.text)
                elif isinstance(found, FramingMark):
                    framing.append(found)
            context.register_actors(sentence.index, paragraph.text, paragraph.tokens_of(position, collapsed))
    return QuoteFindings(tuple(quotes), tuple(framing), tuple(names))


# --- Paragraphs: sentences joined back, so a quote may run over a sentence end ----


@dataclass(frozen=True)
class _Paragraph:
    text: str
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]  # offset of each sentence in text

    def sentence_at(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def tokens_of(self, position: int, tokens: Sequence[Token]) -> list[Token]:
        start = self.starts[position]
        end = start + len(self.sentences[position].text)
        return [t for t in tokens if start <= t.start and t.end <= end]


def _paragraphs(sentences: Sequence[Sentence]) -> list[_Paragraph]:
    groups: list[list[Sentence]] = []
    for sentence in sentences:
        if groups and groups[-1][-1].paragraph == sentence.paragraph:
            groups[-1].append(sentence)
        else:
            groups.append([sentence])
    paragraphs = []
    for group in groups:
        text, starts = "", []
        for previous, sentence in zip([None, *group], group, strict=False):
            if previous is not None:
                # the splitter only drops whitespace between sentences
                text += " " * max(1, sentence.start - previous.end)
            starts.append(len(text))
            text += sentence.text
        paragraphs.append(_Paragraph(text, tuple(group), tuple(starts)))
    return paragraphs


# --- Quotation marks ----------------------------------------------------------------

_OPENERS = "“„‟«"
_CLOSERS = "”»"
_BEFORE_OPENING = set("([{-–—/:،,؛;\u0640")
_AFTER_CLOSING = set(".,،؛;:!?؟)]}-–—")
_ONE_LETTER_PARTICLES = set("بلوفك")


@dataclass(frozen=True)
class _Span:
    open: Token
    close: Token | None  # None: never closed in its paragraph

    @property
    def end(self) -> int:
        return self.close.end if self.close else self.open.end


def _direction(text: str, mark: Token) -> Literal["open", "close", "either"]:
    """Which way a mark faces, from the characters around it; the glyph decides
    only when the context does not (بـ”المخاوف” opens with a closing glyph)."""
    before = text[mark.start - 1] if mark.start else " "
    after = text[mark.end] if mark.end < len(text) else " "
    glued_particle = before in _ONE_LETTER_PARTICLES and (mark.start < 2 or text[mark.start - 2].isspace())
    opens = before.isspace() or before in _BEFORE_OPENING or glued_particle
    closes = after.isspace() or after in _AFTER_CLOSING
    if opens != closes:
        return "open" if opens else "close"
    if mark.text in _OPENERS:
        return "open"
    if mark.text in _CLOSERS:
        return "close"
    return "either"


def _compatible(opener: str, closer: str) -> bool:
    guillemets = "«»"
    return (opener in guillemets) == (closer in guillemets)


def _top_level_spans(text: str, tokens: Sequence[Token]) -> list[_Span]:
    """Pair the marks of a paragraph; spans nested in another span are part of it."""
    stack: list[Token] = []
    spans: list[_Span] = []
    for token in tokens:
        if token.kind != "punct" or token.text not in QUOTE_MARKS:
            continue
        direction = _direction(text, token)
        if direction == "either":
            closable = stack and _compatible(stack[-1].text, token.text)
            direction = "close" if closable else "open"
        if direction == "open":
            stack.append(token)
            continue
        for depth in range(len(stack) - 1, -1, -1):
            if _compatible(stack[depth].text, token.text):
                spans += [_Span(opener, None) for opener in stack[depth + 1:]]
                spans.append(_Span(stack[depth], token))
                del stack[depth:]
                break
    spans += [_Span(opener, None) for opener in stack]
    spans.sort(key=lambda span: span.open.start)
    top: list[_Span] = []
    for span in spans:
        enclosing = next((t for t in top if t.close and t.open.start < span.open.start < t.close.start), None)
        if enclosing is None:
            top.append(span)
    return top


def _collapse(text: str, tokens: Sequence[Token], spans: Sequence[_Span]) -> list[Token]:
    """Tokens with each closed span as one "span" token: the words of a quote are
    never read as the reporter's words."""
    closed = [span for span in spans if span.close]
    out: list[Token] = []
    for token in tokens:
        span = next((s for s in closed if s.open.start <= token.start < s.end), None)
        if span is None:
            out.append(token)
        elif token is span.open:
            out.append(Token(text[span.open.start:span.end], "", span.open.start, span.end, "span"))
    return out


# --- Who said it ------------------------------------------------------------------

# Unattributed marked words up to this long are the reporter's term (الحرب
# “الخاطفة”، “الرايخ الثالث”); longer ones are a quote of no one named.
_TERM_MAX_WORDS = 3
_PRONOUN_REACH = 3  # sentences back a pronoun subject may point
_FRONTED_MAX_TOKENS = 8  # وحول التوقعات بشأن سلوك إيران عقب الاتفاق النووي، أوضح …
_CUE_REACH = 10  # tokens between a reporting verb and the quote


@dataclass
class _Actor:
    sentence_index: int
    head: str  # normalized head noun without ال: "مصدر", "موقع"
    name: str


@dataclass
class _Context:
    aliases: dict[str, str]  # normalized mention → person's full name
    actors: list[_Actor] = field(default_factory=list)
    last_speaker: tuple[int, str, Gender | None] | None = None

    def remember(self, sentence_index: int, speaker: str | None, gender: Gender | None = None) -> None:
        if speaker:
            self.last_speaker = (sentence_index, speaker, gender)

    def previous_speaker(self, sentence_index: int, gender: Gender | None = None) -> str | None:
        """Whom a verb without a subject refers to: the last speaker, unless the verb's gender is not
        theirs (مضيفةً after a man's words is someone else)."""
        if self.last_speaker is None or sentence_index - self.last_speaker[0] > _PRONOUN_REACH:
            return None
        _, speaker, spoke_as = self.last_speaker
        return None if gender and spoke_as and gender != spoke_as else speaker

    def resolve(self, phrase: Sequence[Token], text: str) -> str:
        """A speaker's fullest mention: "براك" → "توم براك"; "المصدر" → the
        source introduced earlier; otherwise the phrase as written."""
        written = display(text[phrase[0].start:phrase[-1].end])
        key = " ".join(token.norm for token in phrase)
        if key in self.aliases:
            return self.aliases[key]
        if len(phrase) == 1 and is_definite(phrase[0]):
            head = without_article(phrase[0].norm)
            earlier = next((a for a in reversed(self.actors) if a.head == head), None)
            if earlier:
                return earlier.name
        return written

    def register_actors(self, sentence_index: int, text: str, tokens: Sequence[Token]) -> None:
        """Subjects of the reporting verbs of a sentence, and of the verbs by which someone acts before
        speaking (دعا الأمين العام لحلف شمال الأطلسي …، وأدان نائب المبعوث …), for later pronouns and
        back-references (وأوضح المصدر، ونقل الموقع، وقال "…"). A sentence that opens on such a verb
        with no one named after it (وأوضح أن، وجدد في الوقت ذاته، مجددًا) right after the last speaker's
        goes on with them, so that a chain of them keeps the speaker for the next وقال "…"."""
        registered = False
        for i, token in enumerate(tokens):
            if not (is_reporting_verb(token) or match_stem(token, ACCORDING_TO | _ACTING_VERBS)):
                continue
            end = noun_phrase(tokens, i + 1)
            phrase = tokens[i + 1:end]
            if phrase and self.plausible(phrase, _says_next(tokens, end), token):
                self.actors.append(_Actor(sentence_index, _head(phrase[0]), self.resolve(phrase, text)))
                self.remember(sentence_index, self.actors[-1].name, speech_gender(token.text))
                registered = True
        opening = _opening_verb(tokens)
        if not registered and opening is not None:
            self.go_on(sentence_index, speech_gender(opening.text))

    def go_on(self, sentence_index: int, gender: Gender | None) -> None:
        """A verb with a pronoun subject right after the last speaker's sentence: they, if they may be its
        subject, speak here too (a chain goes on one sentence at a time)."""
        if self.last_speaker is None or self.last_speaker[0] != sentence_index - 1:
            return
        speaker = self.previous_speaker(sentence_index, gender)
        if speaker is not None:
            self.remember(sentence_index, speaker, gender or self.last_speaker[2])

    def plausible(self, phrase: Sequence[Token], says_next: bool, verb: Token) -> bool:
        """A speaker, not the object of a verb (أكد حرص الشعب): the subject of a verb of saying, a
        person (جون كيري وزير الخارجية الأمريكي), a source, an outlet, an official, a country, a
        delegation, or whoever is followed by what they said (قال براك إن، قال براك:)."""
        norms = [token.norm for token in phrase]
        person = any(" ".join(norms[:size]) in self.aliases for size in range(len(norms), 0, -1)) \
            or any(match_stem(token, TITLE_HEADS) for token in phrase)  # كمال كليتشدار أوغلو زعيم حزب …
        return (says_next or person or match_stem(verb, SAYING_VERBS) is not None or phrase[0].kind == "name"
                or _head(phrase[0]) in _SPEAKER_HEADS)


def _says_next(tokens: Sequence[Token], end: int) -> bool:
    """Whether what someone said follows the subject that ends before tokens[end]: a colon or أن, past the
    outlet told (أكد مراقبون لـ«الشرق الأوسط» أن) and past a title in apposition (أوضح الفريق مهاب مميش،
    رئيس هيئة قناة السويس، أن؛ أكدت فاطمة الرميحي الرئيس التنفيذي لمؤسسة الدوحة للأفلام أن)."""
    after = past_receiver(tokens, end)
    apposition = after + (after < len(tokens) and tokens[after].text in ",،")
    if apposition < len(tokens) and match_stem(tokens[apposition], TITLE_HEADS):
        after = noun_phrase(tokens, apposition)
        if after < len(tokens) and tokens[after].text in ",،":
            after += 1
    return after < len(tokens) and (tokens[after].text in ":：" or is_one_of(tokens[after], THAT))


def _opening_verb(tokens: Sequence[Token]) -> Token | None:
    """The verb of saying or acting that opens the sentence, or its clause after a fronted phrase
    (وعن الاتفاق النووي، أكد أن؛ من جانبه، أوضح), when no one is named after it: its subject is a pronoun.
    A participle never names its subject: what follows it is what was said (مجددًا وقوف بلاده …)."""
    fronted = [i + 1 for i, token in enumerate(tokens[:_FRONTED_MAX_TOKENS]) if token.text in ",،"][:1]
    for i in [0, *fronted]:
        if i < len(tokens) and match_stem(tokens[i], REPORTING_PARTICIPLES):
            return tokens[i]
        if i < len(tokens) and (is_reporting_verb(tokens[i]) or match_stem(tokens[i], _ACTING_VERBS)):
            start = past_receiver(tokens, i + 1)
            return tokens[i] if noun_phrase(tokens, start) == start else None
    return None


# Verbs by which someone acts before what they say is told with a pronoun (دعا … إلى اجتماع. وقال "…").
_ACTING_VERBS = lexicon("دعا دعت أدان أدانت دان دانت ندد نددت رحب رحبت استنكر استنكرت طالب علق علقت")


# Organizations and outlets in marks are names; countries in marks are framing
# (تهديد “إسرائيل”).
_QUOTED_NAMES = [name for name, kind in DEFAULT_GAZETTEER.items() if kind in ("organization", "media")]
_KNOWN_NAMES = frozenset(normalize_for_matching(name) for name in DEFAULT_GAZETTEER)
_SPEAKER_HEADS = (
    frozenset(map(without_article, SOURCE_HEADS | TITLE_HEADS | MEDIA_HEADS))
    | lexicon("وفد جانب حكومة خارجية رئاسة جيش متحدث ناطق بيان")
    | _KNOWN_NAMES
)


def _head(token: Token) -> str:
    return token.norm if token.kind == "name" else without_article(token.norm)


CueKind = Literal["colon", "immediate", "that", "relayed", "describing", "after", "main"]
_FULL: frozenset[CueKind] = frozenset({"colon", "immediate", "after"})


@dataclass(frozen=True)
class _Cue:
    kind: CueKind  # colon: قال براك: “…”; immediate: قال “…”; that: أكد أن “…”;
    # relayed: نقل … عن … قولهم إن “…”; describing: ما وصفته بـ”…”; after: “…”، قال براك;
    # main: the quote sits somewhere in a sentence whose first verb reports speech
    verb: Token
    subject: list[Token]  # empty: the verb's subject is a pronoun
    via: list[Token] = field(default_factory=list)
    verb_suffix: str = ""  # " عن" of نقل … عن


def _verb_text(cue: _Cue) -> str:
    token = cue.verb
    stem = match_stem(token, REPORTING_VERBS | REPORTING_PARTICIPLES | DESCRIBING_VERBS | ACCORDING_TO)
    return written_stem(token, stem or token.norm) + cue.verb_suffix


_ON_TO = lexicon("على إلى")
_FROM = lexicon("عن")
_BI = lexicon("ب")
_SO_CALLED = lexicon("يسمى تسمى يعرف تعرف يطلق يدعى تدعى")
_WHAT = lexicon("ما")


def _cue_before(lead: Sequence[Token]) -> _Cue | None:
    """The reporting construction that ends right before an opening mark."""
    if not lead:
        return None
    last = len(lead) - 1
    if lead[last].text in ":：":
        return _verb_with_subject(lead, last, "colon")
    if is_one_of(lead[last], THAT):
        end = last - 1 if last and is_one_of(lead[last - 1], _ON_TO) else last
        if end and is_one_of(lead[end - 1], SPEECH_NOUNS):
            return _relayed(lead, end - 1)
        return _verb_with_subject(lead, end, "that")
    if is_one_of(lead[last], _ON_TO):
        return _verb_with_subject(lead, last, "that")
    if is_one_of(lead[last], _BI):
        return _describing(lead, last)
    return _verb_with_subject(lead, last + 1, "immediate") or _describing(lead, last + 1)


def _verb_with_subject(lead: Sequence[Token], end: int, kind: CueKind) -> _Cue | None:
    """A reporting verb whose subject phrase runs up to lead[end] (قال براك | أكد
    المبعوث الأميركي إلى سوريا | مضيفًا). Before a colon, words may follow the
    subject (قال براك في تغريدة:)."""
    for v in range(end - 1, max(-1, end - 1 - _CUE_REACH), -1):
        if lead[v].kind == "span":
            return None
        if match_stem(lead[v], REPORTING_PARTICIPLES) and end - v - 1 <= _PARTICIPLE_COMPLEMENT \
                and all(token.kind == "word" for token in lead[v + 1:end]):
            return _Cue(kind, lead[v], [])  # معربا عن يقينه بأن “…”: the sentence's subject speaks
        if is_reporting_verb(lead[v]):
            start = v + 2 if v + 1 < end and is_one_of(lead[v + 1], _BY_SAYING) else past_receiver(lead, v + 1)
            subject_end = min(noun_phrase(lead, start), end)
            if subject_end == end or kind == "colon" or kind == "that" and _relative_clause(lead, subject_end, end):
                subject = list(lead[start:subject_end]) if start < subject_end else _fronted_subject(lead, v)
                return _Cue(kind, lead[v], subject)
            return None
    return None


_PARTICIPLE_COMPLEMENT = 3  # words between a participle and the quote: معربا عن يقينه بأن
_RELATIVE = lexicon("الذي التي")
_RELATIVE_CLAUSE_MAX = 4  # words: وعلق الفنان القطري غانم السليطي | الذي حضر العرض | أن


def _relative_clause(lead: Sequence[Token], start: int, end: int) -> bool:
    """Whether lead[start:end] is a short relative clause of the subject before it, with no mark in it."""
    return start < end and is_one_of(lead[start], _RELATIVE) and end - start - 1 <= _RELATIVE_CLAUSE_MAX \
        and all(token.kind == "word" for token in lead[start:end])


_AS_FOR = lexicon("أما")


def _fronted_subject(lead: Sequence[Token], verb: int) -> list[Token]:
    """«أما ياسمين يوسف مسؤولة لجنة الإعلام بالفريق فقالت»: the subject put before the verb, which takes «ف»;
    empty when there is none (the verb's subject is then a pronoun)."""
    if not lead[verb].norm.startswith("ف"):
        return []
    for a in range(verb - 1, -1, -1):
        if is_one_of(lead[a], _AS_FOR):
            end = noun_phrase(lead, a + 1)
            return list(lead[a + 1:end]) if a + 1 < end <= verb else []
    return []


# وتابع بالقول “…”، مشيرًا بالقول إلى: “…”: the verb's own complement, not who speaks.
_BY_SAYING = lexicon("بالقول")


def _relayed(lead: Sequence[Token], speech_noun: int) -> _Cue | None:
    """نقل الموقع عن مسؤولين إسرائيليين قولهم إن: the officials speak, the site relays."""
    for k in range(speech_noun - 1, max(-1, speech_noun - 1 - _CUE_REACH), -1):
        if is_one_of(lead[k], _FROM):
            for v in range(k - 1, max(-1, k - 1 - _CUE_REACH), -1):
                if is_reporting_verb(lead[v]):
                    return _Cue("relayed", lead[v], list(lead[k + 1:speech_noun]),
                                via=list(lead[v + 1:k]), verb_suffix=" " + lead[k].text)
            return None
    return None


def _describing(lead: Sequence[Token], end: int) -> _Cue | None:
    """ما وصفته بـ”…” | ما يسميه الجيش “…” | وصف الوزير الاجتماع بـ“…”."""
    for v in range(end - 1, max(-1, end - 5), -1):
        if match_stem(lead[v], DESCRIBING_VERBS):
            subject_end = min(noun_phrase(lead, v + 1), end)
            if subject_end < end - 1:  # more than one object word: not this construction
                return None
            return _Cue("describing", lead[v], list(lead[v + 1:subject_end]))
    return None


_AS = lexicon("حسبما كما مثلما")
_WHEN = lexicon("يوما يوم اليوم أمس الأسبوع الشهر العام سابقا مؤخرا قبل منذ")


def _cue_after(post: Sequence[Token], opens_sentence: bool) -> _Cue | None:
    """“…”، قال براك | “…”، بحسب المصدر, after a quote that opens its sentence; “…”، حسبما أضاف ياسين after
    any quote: «حسبما» ties the verb to what comes right before it."""
    i = 1 if post and post[0].text in "،," else 0
    if i + 1 < len(post) and is_one_of(post[i], _AS) and is_reporting_verb(post[i + 1]):
        i += 1
    elif not opens_sentence:
        return None
    if i < len(post) and (is_reporting_verb(post[i]) or match_stem(post[i], ACCORDING_TO)):
        start = past_receiver(post, i + 1)
        subject = list(post[start:noun_phrase(post, start)])
        if subject and match_stem(subject[0], _WHEN):
            return None  # «كما قال يوما ما»: who said it, the sentence does not say
        return _Cue("after", post[i], subject)
    return None


def _main_clause(lead: Sequence[Token]) -> _Cue | None:
    """The first reporting verb of the sentence (or verb of acting: وأدان … ، وأضاف أنه "…"; or of saying again:
    وأعاد جون كيري التأكيد أنه …): its subject speaks for what follows."""
    for i, token in enumerate(lead):
        if is_one_of(token, _SAYING_AGAIN) and (again := _said_again(lead, i)) is not None:
            return again
        if is_reporting_verb(token) or match_stem(token, ACCORDING_TO | _ACTING_VERBS):
            start = past_receiver(lead, i + 1)
            end = noun_phrase(lead, start)
            if match_stem(token, RELAYING_VERBS) and end < len(lead) and is_one_of(lead[end], _FROM):
                relayed_end = noun_phrase(lead, end + 1)
                return _Cue("main", token, list(lead[end + 1:relayed_end]), via=list(lead[start:end]),
                            verb_suffix=" " + lead[end].text)
            return _Cue("main", token, list(lead[start:end]))
    return None


_SAYING_AGAIN = lexicon("أعاد أعادت")
_SAYING_NOUNS = lexicon("التأكيد التذكير الإشارة التشديد")
_SUBJECT_MAX = 12  # words: وأعاد وزير الخارجية الأمريكي جون كيري التأكيد


def _said_again(lead: Sequence[Token], verb: int) -> _Cue | None:
    """«أعاد X التأكيد أن»: X says it again (not «أعاد الجيش فتح الطريق», which says nothing)."""
    for j in range(verb + 2, min(len(lead), verb + 2 + _SUBJECT_MAX)):
        if is_one_of(lead[j], _SAYING_NOUNS):
            return _Cue("main", lead[verb], list(lead[verb + 1:j]))
        if lead[j].kind != "word" and lead[j].kind != "name":
            return None
    return None


def _clause_subject(lead: Sequence[Token]) -> list[Token]:
    """The definite subject of the last أن-clause: نقلت مصادر أن الجماعات المسلحة …"""
    for i in range(len(lead) - 1, 0, -1):
        if is_one_of(lead[i - 1], THAT) and is_definite(lead[i]):
            return list(lead[i:noun_phrase(lead, i)])
    return []


# --- Classification ------------------------------------------------------------------

def _naming_word(tokens: Sequence[Token]) -> bool:
    """One word that names or qualifies an actor: إسرائيل، الإسرائيلي، صهيوني."""
    if len(tokens) != 1 or tokens[0].kind != "word":
        return False
    return any(
        NISBA.search(without_article(stem)) or stem in _KNOWN_NAMES for stem in stems(tokens[0].norm)
    )


def _classify(span: _Span, paragraph: _Paragraph, tokens: Sequence[Token],
              context: _Context) -> Quote | FramingMark | None:
    text = paragraph.text
    position = paragraph.sentence_at(span.open.start)
    sentence = paragraph.sentences[position]
    sentence_start = paragraph.starts[position]
    here = next(i for i, t in enumerate(tokens) if t.start == span.open.start)
    lead = [t for t in tokens[:here] if t.start >= sentence_start]
    closing_sentence = paragraph.sentence_at(span.end - 1)
    post_end = paragraph.starts[closing_sentence] + len(paragraph.sentences[closing_sentence].text)
    post = [t for t in tokens[here + 1:] if t.end <= post_end]
    inside = text[span.open.end:span.close.start] if span.close else text[span.open.end:].rstrip()
    words = [t for t in tokenize(inside) if t.kind == "word"]
    if not words:
        return None

    if _is_latin(text[sentence_start:post_end]):
        return _classify_english(span, inside, words, sentence.index, text, sentence_start, post_end, context)

    opens_sentence = not any(t.kind == "word" for t in lead)
    cue = _cue_before(lead) or _cue_after(post, opens_sentence)
    if cue is not None and cue.kind == "immediate" and _naming_word(words):
        cue = None  # اتهم الوفد “إسرائيل”: a verb's object in scare quotes
    if span.close is None:
        return _quote(inside, sentence.index, cue, lead, text, context) if cue else None
    if cue is not None:
        return _quote(inside, sentence.index, cue, lead, text, context)
    if _after_so_called(lead) or len(words) == 1:
        return _framing(inside, sentence.index, span, lead, text)
    main = _main_clause(lead)
    if main is not None and main.subject:
        if not context.plausible(main.subject, _says_next(lead, lead.index(main.subject[-1]) + 1), main.verb):
            main = None  # لفت نظري … “…”: not someone speaking
    if main is not None:
        return _quote(inside, sentence.index, main, lead, text, context)
    if len(words) <= _TERM_MAX_WORDS:
        return _framing(inside, sentence.index, span, lead, text)
    return Quote(inside, sentence.index, None, None, partial=bool(lead))


def _quote(inside: str, sentence_index: int, cue: _Cue, lead: Sequence[Token], text: str,
           context: _Context) -> Quote:
    speaker: str | None = None
    via: str | None = context.resolve(cue.via, text) if cue.via else None
    if cue.subject:
        speaker = context.resolve(cue.subject, text)
    else:
        before_verb = [t for t in lead if t.start < cue.verb.start]
        main = _main_clause(before_verb)
        subject = _clause_subject(before_verb) if cue.kind == "describing" else []
        if subject:
            speaker = context.resolve(subject, text)
            if main and main.subject:
                via = context.resolve(main.subject, text)
        elif main and main.subject:
            speaker = context.resolve(main.subject, text)
            via = via or (context.resolve(main.via, text) if main.via else None)
        else:
            speaker = context.previous_speaker(sentence_index, speech_gender(cue.verb.text))
    if via == speaker:
        via = None
    return Quote(inside, sentence_index, speaker, _verb_text(cue), cue.kind not in _FULL, via)


def _after_so_called(lead: Sequence[Token]) -> bool:
    """ما يسمى “…”، بما يعرف بـ“…”، the so-called “…”: marks that disown a name."""
    tail = lead[-4:]
    return any(
        match_stem(a, _WHAT) and match_stem(b, _SO_CALLED) for a, b in zip(tail, tail[1:], strict=False)
    ) or (bool(tail) and tail[-1].norm == "so-called")


def _framing(inside: str, sentence_index: int, span: _Span, lead: Sequence[Token], text: str) -> FramingMark:
    """The marked word with the word it belongs to: an adjective with its noun
    (الكيان “الإسرائيلي”، سوري – “صهيوني”), a noun with the noun governing it
    (تهديد “إسرائيل”), "ما يسمى “…”" whole; a verb's object stands alone."""
    words = [t for t in lead if t.kind in ("word", "name")]
    start = span.open.start
    if _after_so_called(lead):
        start = next(t.start for t in reversed(lead) if match_stem(t, _WHAT) or t.norm == "so-called")
    elif words:
        particle = words[-1].norm in _ONE_LETTER_PARTICLES and len(words) > 1  # مرتبطة بـ“…”
        previous = words[-2 if particle else -1]
        adjective = NISBA.search(without_article(normalize_for_matching(inside)))
        if adjective or not is_definite(previous):
            start = previous.start
    return FramingMark(inside, sentence_index, text[start:span.end])


# --- English -----------------------------------------------------------------------

_LATIN = regex.compile(r"\p{Latin}")
_ARABIC = regex.compile(r"\p{Arabic}")
_EN_VERB = r"(?P<verb>told\s+\w+|said|says|added|stressed|noted|wrote|explained|warned|insisted|argued|stated|tweeted)"
_EN_ROLE = r"(?:officials?|sources?|spokes(?:man|woman|person)|minister|envoy|diplomats?)"
_EN_DESCRIPTION = rf"(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_EN_ROLE}"  # a senior Israeli official
_EN_NAME = r"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|al-\w+|of))*"
_EN_SPEAKER = rf"(?P<speaker>{_EN_DESCRIPTION}|{_EN_NAME}|he|she|they)"
_EN_SETTING = r"(?:\s+(?:in|on|at)\s+[^,:“”\"]{0,40})?"  # said in a post on X
_EN_INTRO = r"\s*(?P<colon>[:,])?\s*(?:that\s*)?$"
_EN_BEFORE = (
    regex.compile(rf"{_EN_SPEAKER}\s+{_EN_VERB}{_EN_SETTING}{_EN_INTRO}"),  # Barrack said:
    regex.compile(rf"(?P<verb>said|added|according\s+to)\s+{_EN_SPEAKER}{_EN_INTRO}"),  # said Barrack,
)
_EN_AFTER = (
    regex.compile(rf"^\s*,?\s*(?P<verb>said|added|according\s+to)\s+{_EN_SPEAKER}"),  # ”, said Barrack
    regex.compile(rf"^\s*,?\s*{_EN_SPEAKER}\s+{_EN_VERB}"),  # ”, Barrack said
)
_EN_PRONOUNS = {"he", "she", "they"}


def _is_latin(text: str) -> bool:
    return len(_LATIN.findall(text)) > len(_ARABIC.findall(text))


def _classify_english(span: _Span, inside: str, words: Sequence[Token], sentence_index: int,
                      text: str, sentence_start: int, post_end: int,
                      context: _Context) -> Quote | FramingMark | None:
    lead = text[sentence_start:span.open.start]
    post = text[span.end:post_end]
    before = next((m for p in _EN_BEFORE if (m := p.search(lead))), None)
    after = None if before else next((m for p in _EN_AFTER if (m := p.search(post))), None)
    match = before or after
    lead_tokens = tokenize(lead, sentence_start)
    if match is None:
        if span.close is None:
            return None
        if len(words) == 1 or _after_so_called(lead_tokens):
            return _framing(inside, sentence_index, span, lead_tokens, text)
        return Quote(inside, sentence_index, None, None, partial=bool(lead.strip()))
    speaker: str | None = match.group("speaker")
    if speaker is not None and speaker.lower() in _EN_PRONOUNS:
        speaker = context.previous_speaker(sentence_index)
    # after "that", or a speaker named after a quote that does not open the sentence
    partial = lead.rstrip().endswith("that") if before else bool(lead.strip())
    return Quote(inside, sentence_index, speaker, " ".join(match.group("verb").split()), partial)
