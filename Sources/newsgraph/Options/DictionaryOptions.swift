import ArgumentParser

/// Where the dictionaries come from.
struct DictionaryOptions: ParsableArguments {
  @Option(
    name: .customLong("dictionary"),
    help: ArgumentHelp(
      "A dictionary file of your own (TSV: id, type, label, aliases ...); repeatable.",
      valueName: "file"))
  var userDictionaries: [String] = []

  @Option(
    name: .customLong("dictionaries"),
    help: ArgumentHelp(
      "Folder of the built-in dictionaries (default: found next to the program, or $NEWSGRAPH_DICTIONARIES).",
      valueName: "dir"))
  var dictionaryFolder: String?

  @Flag(name: .customLong("no-builtin"), help: "Use only the --dictionary files.")
  var noBuiltIn = false
}
