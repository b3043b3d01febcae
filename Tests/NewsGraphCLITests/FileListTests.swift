import Foundation
import Testing

/// `--files-from`: inputs named in a list file, one a line.
@Suite(.enabled(if: CommandRunner.hasDictionaries, "dictionaries/ has not been generated yet"))
struct FileListTests {
  /// Three articles, one in a folder whose name has a space.
  static func articles(_ scratch: ScratchFolder) throws -> [String] {
    try FileManager.default.createDirectory(
      at: scratch.url.appendingPathComponent("wire news"), withIntermediateDirectories: true)
    return [
      try scratch.write("a.txt", Articles.texts[0]),
      try scratch.write("wire news/b.txt", Articles.texts[1]),
      try scratch.write("c.txt", Articles.texts[3]),
    ]
  }

  @Test func listGivesTheGraphOfTheSameArguments() throws {
    let scratch = try ScratchFolder()
    let paths = try Self.articles(scratch)
    let expected = try CommandRunner.run("graph", paths + ["--format", "json"])
    #expect(expected.status == 0, "\(expected)")
    // Blank lines are skipped and a Windows line end is not part of the path.
    let list = try scratch.write("list.txt", "\(paths[0])\r\n\n\(paths[1])\n\(paths[2])")
    let listed = try CommandRunner.run("graph", ["--files-from", list, "--format", "json"])
    #expect(listed.status == 0, "\(listed)")
    #expect(listed.stdout == expected.stdout)
    // Arguments come first, then the list.
    let rest = try scratch.write("rest.txt", "\(paths[1])\n\(paths[2])\n")
    let mixed = try CommandRunner.run(
      "graph", [paths[0], "--files-from", rest, "--format", "json"])
    #expect(mixed.stdout == expected.stdout, "\(mixed)")
  }

  @Test func listFromStandardInput() throws {
    let scratch = try ScratchFolder()
    let paths = try Self.articles(scratch)
    let expected = try CommandRunner.run("entities", paths + ["--format", "tsv"])
    #expect(expected.status == 0, "\(expected)")
    let listed = try CommandRunner.run(
      "entities", ["--files-from", "-", "--format", "tsv"],
      stdin: Data(paths.joined(separator: "\n").utf8))
    #expect(listed.status == 0, "\(listed)")
    #expect(listed.stdout == expected.stdout)
  }

  @Test func badListsAreNamed() throws {
    let scratch = try ScratchFolder()
    let paths = try Self.articles(scratch)
    let missing = scratch.path("missing.txt")
    var result = try CommandRunner.run("graph", ["--files-from", missing])
    #expect(result.status == 1)
    #expect(result.stderr == "\(missing): error: no such file\n")

    let empty = try scratch.write("empty.txt", "\n\n")
    result = try CommandRunner.run("graph", ["--files-from", empty])
    #expect(result.status == 1)
    #expect(result.stderr == "\(empty): error: the list names no file\n")

    let latin1 = try scratch.write("latin1.txt", Array("\(paths[0])\n".utf8) + [0x63, 0xE9, 0x0A])
    result = try CommandRunner.run("entities", ["--files-from", latin1])
    #expect(result.status == 1)
    #expect(result.stderr == "\(latin1):2: error: this line is not UTF-8\n")

    // A path in the list that does not exist is reported like one given as an argument.
    let dangling = try scratch.write("dangling.txt", "\(paths[0])\n\(missing)\n")
    result = try CommandRunner.run("graph", ["--files-from", dangling])
    #expect(result.status == 1)
    #expect(result.stderr == "\(missing): error: no such file\n")

    result = try CommandRunner.run("graph", ["-", "--files-from", "-"], stdin: Data())
    #expect(result.status == 1)
    #expect(
      result.stderr
        == "newsgraph: error: --files-from - and the input '-' cannot both read standard input\n")

    result = try CommandRunner.run("graph", [])
    #expect(result.status != 0)
    #expect(result.stderr.contains("or --files-from"), "\(result)")
  }
}
