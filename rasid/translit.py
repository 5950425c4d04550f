"""A systematic Arabic→Latin transliteration of Syrian place names, for rows no source names in Latin.

The scheme is a plain-ASCII simplification of the UNGEGN/BGN system as English-language reports
write Syrian places:

- consonants: ب b, ت t, ث th, ج j, ح h, خ kh, د d, ذ dh, ر r, ز z, س s, ش sh, ص s, ض d, ط t,
  ظ z, غ gh, ف f, ق q, ك k, ل l, م m, ن n, ه h; hamza is dropped or written «'» between letters;
- ع is «a» at the start of a word, «a'» after a consonant, «'» elsewhere;
- ا and ى are «a», final ة is «a» («at» before a following word of a construct name is not
  attempted), و and ي are «w»/«y» next to a vowel and «u»/«i» between consonants;
- the article is «al-», written without sun-letter assimilation so that it round-trips;
- Arabic writes no short vowels, so an «a» is supplied after a word's first consonant when a
  second consonant follows, and an «i» before a final pair of consonants: «حرستا» → "Harsta",
  «سراقب» → "Saraqib";
- well-known first words of compound names keep their conventional English form: «دير» Deir,
  «كفر» Kafr, «عين» Ain, «تل» Tal, «أبو» Abu, «أم» Umm, «خربة» Khirbet, «بيت» Beit, «جسر» Jisr,
  «رأس» Ras, «بئر» Bir, «البو» Albu, «جبل» Jabal, «وادي» Wadi, «مطار» Matar, «مخيم» Mukhayyam.
The result is a readable, deterministic label marked as a transliteration; it is not the name
people use where one exists, which is why source names always come first.
"""
from __future__ import annotations

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r",
    "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f",
    "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ڤ": "v", "پ": "p", "گ": "g",
}
_ALEFS = "اأإآٱ"
_HAMZA = "ءئؤ"
_DIACRITICS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670", "\u0640"}
_FIXED = {
    "دير": "Deir", "كفر": "Kafr", "عين": "Ain", "تل": "Tal", "ابو": "Abu", "أبو": "Abu",
    "ام": "Umm", "أم": "Umm", "خربة": "Khirbet", "خربه": "Khirbet", "بيت": "Beit", "جسر": "Jisr",
    "رأس": "Ras", "راس": "Ras", "بئر": "Bir", "بير": "Bir", "البو": "Albu", "جبل": "Jabal",
    "وادي": "Wadi", "مطار": "Matar", "مخيم": "Mukhayyam", "حي": "Hay", "قصر": "Qasr",
    "سهل": "Sahl", "مزرعة": "Mazraat", "تلة": "Talla", "قرية": "Qaryat", "بلدة": "Baldat",
}
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}


def _letters(word: str) -> list[str]:
    """Spells one word letter by letter, with «v» marking a vowel and «c» a consonant."""
    out: list[tuple[str, str]] = []
    chars = [ch for ch in word if ch not in _DIACRITICS]
    for i, ch in enumerate(chars):
        prev_kind = out[-1][1] if out else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if ch in _CONSONANTS:
            out.append((_CONSONANTS[ch], "c"))
        elif ch in _ALEFS or ch == "ى":
            out.append(("i" if ch == "إ" else "a", "v"))
        elif ch == "ة":
            # «حماة» → Hamah: after a long «a» the ending is heard as «h»
            out.append(("h", "c") if prev_kind == "v" and out[-1][0] == "a" else ("a", "v"))
        elif ch in ("و", "ي"):
            # a consonant next to a vowel letter or at the word's start, else a long vowel
            glide = not out or (nxt != "" and nxt in _ALEFS + "وي") or prev_kind == "v"
            if glide:
                out.append(("w" if ch == "و" else "y", "c"))
            else:
                out.append(("u" if ch == "و" else "i", "v"))
        elif ch == "ع":
            if not out:
                out.append(("a", "v"))
            elif prev_kind == "c":
                out.append(("a'", "v"))
            else:
                out.append(("'", "c"))
        elif ch in _HAMZA:
            if out and nxt:
                out.append(("'", "c"))
        elif ch in _DIGITS:
            out.append((_DIGITS[ch], "d"))
        elif ch.isascii() and (ch.isalnum() or ch in "-'"):
            out.append((ch.lower(), "d"))
    letters = [s for s, _ in out]
    kinds = [k for _, k in out]
    if len(kinds) >= 2 and kinds[0] == "c" and kinds[1] == "c":
        letters.insert(1, "a")
        kinds.insert(1, "v")
    if len(kinds) >= 3 and kinds[-1] == "c" and kinds[-2] == "c":
        letters.insert(len(letters) - 1, "i")
    return letters


def _word(word: str) -> str:
    if word in _FIXED:
        return _FIXED[word]
    article = word.startswith("ال") and len(word) > 3
    body = word[2:] if article else word
    if body in _FIXED:
        return ("al-" if article else "") + _FIXED[body]
    text = "".join(_letters(body))
    text = text[:1].upper() + text[1:]
    return ("al-" if article else "") + text


def latin(name: str) -> str:
    """Transliterates a place name: «دير الزور» → "Deir al-Zur", «سراقب» → "Saraqib"."""
    if not name:
        return ""
    words = [w for w in name.replace("-", " ").split() if w]
    out = [_word(w) for w in words]
    text = " ".join(w for w in out if w)
    return text[:1].upper() + text[1:] if text else ""
