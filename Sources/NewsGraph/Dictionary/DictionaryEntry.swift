/// One entity of a dictionary file: its id, type, label and the other names it goes by.
public struct DictionaryEntry: Sendable, Hashable {
  public var id: String
  public var type: EntityType
  public var label: String
  public var aliases: [String]
  public var demonyms: [String]
  public var population: Int
  /// The label or an alias is also a common English word: it needs context to count.
  public var isCommonWord: Bool
  public var isCapital: Bool
  /// A smaller place whose name is also a frequent given name or surname ("Jackson", "Florence"):
  /// the name alone is weak evidence for it, and it ranks after every other reading of the name.
  public var isMinor: Bool
  /// Where the entry was read: `file:line`.
  public var origin: String

  public init(
    id: String, type: EntityType, label: String, aliases: [String] = [], demonyms: [String] = [],
    population: Int = 0, isCommonWord: Bool = false, isCapital: Bool = false,
    isMinor: Bool = false, origin: String = ""
  ) {
    self.id = id
    self.type = type
    self.label = label
    self.aliases = aliases
    self.demonyms = demonyms
    self.population = population
    self.isCommonWord = isCommonWord
    self.isCapital = isCapital
    self.isMinor = isMinor
    self.origin = origin
  }
}

/// Why a dictionary file could not be read.
public struct DictionaryError: Error, Equatable, CustomStringConvertible, Sendable {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int = 1, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String { "\(file):\(line):\(column): error: \(message)" }
}
