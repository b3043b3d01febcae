import Testing

@testable import NewsGraph

@Suite struct StringNumberingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var strings: [String]
    var explanation: String
    var testDescription: String { explanation }
  }

  /// Whatever the strings, a `StringNumbering` numbers them as a `Dictionary` that gives each
  /// new string the next number does.
  @Test(arguments: [
    Case(strings: ["a", "b", "a", "c", "b"], explanation: "ASCII strings, some again"),
    Case(strings: ["", "x", ""], explanation: "the empty string"),
    Case(strings: ["Kelvin", "\u{212A}elvin"], explanation: "the Kelvin sign equals K"),
    Case(strings: ["\u{212A}elvin", "Kelvin"], explanation: "K after the Kelvin sign"),
    Case(strings: ["café", "cafe\u{301}", "café"], explanation: "a decomposed é equals é"),
    Case(
      strings: ["person/a", "cafe\u{301}", "person/a", "café", "person/b"],
      explanation: "ASCII strings before and after one that is not"),
    Case(
      strings: ["person/a-name-beyond-fifteen-bytes", "person/a-name-beyond-fifteen-bytes"],
      explanation: "a string stored out of line"),
    Case(
      strings: (0..<200).map { "rule:Name \($0 % 70)" },
      explanation: "more strings than the index first holds"),
  ])
  func numbersAsDictionaryDoes(_ example: Case) {
    var numbering = StringNumbering(capacity: 4)
    var dictionary: [String: Int] = [:]
    for string in example.strings {
      let expected = dictionary[string]
      #expect(numbering.number(of: string) == expected, "\(string) before it is inserted")
      if expected == nil { dictionary[string] = dictionary.count }
      let (number, isNew) = numbering.insert(string)
      #expect(number == dictionary[string], "\(string)")
      #expect(isNew == (expected == nil), "\(string)")
      #expect(numbering.number(of: string) == number, "\(string) after it is inserted")
      #expect(numbering[number] == string, "the string numbered, or one equal to it")
    }
    #expect(numbering.count == dictionary.count)
  }
}
