/// A day of the proleptic Gregorian calendar, written `YYYY-MM-DD`.
///
/// Documents' dates become GEXF spells; consecutive days join into one spell, which needs day
/// arithmetic and nothing more.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Parses `YYYY-MM-DD` exactly.
  public init?(_ text: String) {
    guard let day = CalendarDay(leadingDayOf: text, alone: true) else { return nil }
    self = day
  }

  /// The day of an ISO 8601 date or timestamp: `2024-05-01`, `2024-05-01T09:30:00Z` ...
  public init?(leadingDayOf text: String) {
    guard let day = CalendarDay(leadingDayOf: text, alone: false) else { return nil }
    self = day
  }

  /// Parses the `YYYY-MM-DD` that `text` starts with, followed by nothing when `alone`, or
  /// else by nothing, `T` or a space and anything.
  ///
  /// Reads the bytes of the text as they come, without making an array or a string of them:
  /// every JSON Lines record with a date parses one.
  private init?(leadingDayOf text: String, alone: Bool) {
    var fields = (year: 0, month: 0, day: 0)
    var count = 0
    for byte in text.utf8 {
      if count == 10 {
        guard !alone, byte == UInt8(ascii: "T") || byte == UInt8(ascii: " ") else { return nil }
        break
      }
      if count == 4 || count == 7 {
        guard byte == UInt8(ascii: "-") else { return nil }
      } else {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        let digit = Int(byte - UInt8(ascii: "0"))
        switch count {
        case 0..<4: fields.year = fields.year * 10 + digit
        case 5..<7: fields.month = fields.month * 10 + digit
        default: fields.day = fields.day * 10 + digit
        }
      }
      count += 1
    }
    guard count == 10, (1...12).contains(fields.month), fields.day >= 1,
      fields.day <= CalendarDay.days(inMonth: fields.month, of: fields.year)
    else { return nil }
    (year, month, day) = fields
  }

  static func days(inMonth month: Int, of year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  public var dayNumber: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// `YYYY-MM-DD`, written digit by digit into a small string (a day is always parsed from
  /// four, two and two digits).
  public var description: String {
    String(unsafeUninitializedCapacity: 10) { out in
      /// Writes the last `width` digits of `value` just before `end`.
      func write(_ value: Int, width: Int, before end: Int) {
        var rest = value
        for index in (end - width..<end).reversed() {
          out[index] = UInt8(ascii: "0") + UInt8(rest % 10)
          rest /= 10
        }
      }
      write(year, width: 4, before: 4)
      out[4] = UInt8(ascii: "-")
      write(month, width: 2, before: 7)
      out[7] = UInt8(ascii: "-")
      write(day, width: 2, before: 10)
      return 10
    }
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Sorted days joined into runs of consecutive days: `[(first, last)]`.
  public static func spells(_ days: [String]) -> [(String, String)] {
    let parsed = Set(days.compactMap { CalendarDay($0) }).sorted()
    var result: [(CalendarDay, CalendarDay)] = []
    for day in parsed {
      if let last = result.last, last.1.dayNumber + 1 == day.dayNumber {
        result[result.count - 1].1 = day
      } else {
        result.append((day, day))
      }
    }
    return result.map { ($0.0.description, $0.1.description) }
  }
}
