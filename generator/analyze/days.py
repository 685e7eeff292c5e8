"""Words that date a happening: the weekdays, and the days told from the day of writing."""
from __future__ import annotations

from generator.analyze.normalize import normalize_for_matching

# Normalized word → 0 (Sunday) … 6 (Saturday).
WEEKDAYS = {
    normalize_for_matching(word): day
    for day, words in enumerate(("الأحد", "الاثنين الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"))
    for word in words.split()
}
# Normalized word → days from the day of writing.
FROM_TODAY = {normalize_for_matching(word): offset
              for word, offset in (("اليوم", 0), ("أمس", -1), ("غدًا", 1), ("غد", 1))}  # يوم غدٍ الأربعاء
