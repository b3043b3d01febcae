import Testing

@testable import NewsGraph

@Suite struct CalendarDayTests {
  @Test func parsesOnlyRealDays() {
    #expect(CalendarDay("2024-02-29")?.description == "2024-02-29")
    #expect(CalendarDay("2023-02-29") == nil, "not a leap year")
    #expect(CalendarDay("1900-02-29") == nil, "centuries are not leap years")
    #expect(CalendarDay("2000-02-29") != nil, "unless divisible by 400")
    for bad in [
      "2024-13-01", "2024-04-31", "2024-4-01", "24-04-01", "2024/04/01", "", "abcd-ef-gh",
    ] {
      #expect(CalendarDay(bad) == nil, "\(bad)")
    }
  }

  @Test func takesTheDayOfATimestamp() {
    #expect(CalendarDay(leadingDayOf: "2024-05-01T09:30:00Z")?.description == "2024-05-01")
    #expect(CalendarDay(leadingDayOf: "2024-05-01 09:30")?.description == "2024-05-01")
    #expect(CalendarDay(leadingDayOf: "2024-05-01")?.description == "2024-05-01")
    #expect(CalendarDay(leadingDayOf: "2024-05-012") == nil)
    #expect(CalendarDay(leadingDayOf: "May 1, 2024") == nil)
    #expect(CalendarDay(leadingDayOf: "2024-05-01\u{301}") == nil, "a combining accent after")
    #expect(CalendarDay(leadingDayOf: "2024-05-0") == nil)
    #expect(CalendarDay(leadingDayOf: "２０２４-05-01") == nil, "full-width digits")
    #expect(CalendarDay(leadingDayOf: "") == nil)
    #expect(CalendarDay("2024-05-01T") == nil, "a bare day is read exactly")
  }

  @Test func writesFourTwoAndTwoDigits() {
    for text in ["0001-01-01", "0099-10-09", "9999-12-31", "2024-02-29", "1000-01-10"] {
      #expect(CalendarDay(text)?.description == text)
    }
    #expect(CalendarDay(leadingDayOf: "0042-07-04T00:00Z")?.description == "0042-07-04")
  }

  @Test func dayNumbersCountFromTheEpoch() {
    #expect(CalendarDay("1970-01-01")?.dayNumber == 0)
    #expect(CalendarDay("2000-03-01")?.dayNumber == 11017)
    #expect(CalendarDay("1969-12-31")?.dayNumber == -1)
  }

  @Test func consecutiveDaysJoinIntoSpells() {
    let spells = CalendarDay.spells([
      "2024-02-28", "2024-03-01", "2024-02-29", "2024-03-05", "2024-12-31", "2025-01-01",
      "2024-03-01",
    ])
    #expect(
      spells.map { "\($0.0)..\($0.1)" } == [
        "2024-02-28..2024-03-01", "2024-03-05..2024-03-05", "2024-12-31..2025-01-01",
      ])
  }
}
