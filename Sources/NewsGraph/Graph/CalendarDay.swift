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
    let bytes = Array(text.utf8)
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for byte in bytes[range] {
        guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      (1...12).contains(month), day >= 1, day <= CalendarDay.days(inMonth: month, of: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day of an ISO 8601 date or timestamp: `2024-05-01`, `2024-05-01T09:30:00Z` ...
  public init?(leadingDayOf text: String) {
    let prefix = String(decoding: text.utf8.prefix(10), as: UTF8.self)
    guard let day = CalendarDay(prefix) else { return nil }
    let rest = text.utf8.dropFirst(10)
    guard rest.isEmpty || rest.first == UInt8(ascii: "T") || rest.first == UInt8(ascii: " ") else {
      return nil
    }
    self = day
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

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
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
