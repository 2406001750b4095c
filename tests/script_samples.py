"""The Japanese, Arabic and Hebrew texts of the tests of scripts beyond Latin; the test fonts in
tests/data/fonts hold these characters only (scripts/make_test_fonts.py cuts them)."""

from __future__ import annotations

JAPANESE_TITLE = "最後の水門"
JAPANESE_LOGLINE = "運河の最後の水門を守る老人と、彼を訪ねる少女の一年。"
# Long, with no spaces: it must wrap between characters, inside the measure.
JAPANESE_SYNOPSIS = (
    "冬の朝、老人は水門を開ける。少女は毎日その橋を渡り、学校へ行く。"
    "二人は言葉を交わさないが、春が来る頃には同じ時間に同じ場所で待つようになる。"
    "町は運河を埋めて道路にする計画を決め、水門は夏の終わりに閉じられることになる。"
    "老人は最後の船を待ち、少女はその日のために手紙を書く。"
)
ARABIC_TITLE = "القفل الأخير"
ARABIC_LOGLINE = "حارس عجوز ينتظر القارب الأخير على النهر."
ARABIC_SYNOPSIS = (
    "في صباح شتوي يفتح الحارس البوابة. تعبر الفتاة الجسر كل يوم إلى المدرسة. "
    "لا يتكلمان، لكنهما في الربيع ينتظران في المكان نفسه وفي الوقت نفسه."
)

ARABIC_YEAR = "حارس عجوز منذ عام ١٩٦٠ ينتظر القارب"  # a number, in Arabic-Indic digits
HEBREW_LOGLINE = "שומר זקן מחכה לסירה האחרונה על הנהר."

# What the fonts must draw beyond these texts: the layout's own words in the same runs.
EXTRA = "0123456789 ()-.,:;!?'\"«»،؛؟"


def characters(*texts: str) -> str:
    return "".join(sorted(set("".join(texts) + EXTRA)))


JAPANESE = characters(JAPANESE_TITLE, JAPANESE_LOGLINE, JAPANESE_SYNOPSIS)
ARABIC = characters(ARABIC_TITLE, ARABIC_LOGLINE, ARABIC_SYNOPSIS, ARABIC_YEAR)
HEBREW = characters(HEBREW_LOGLINE)
