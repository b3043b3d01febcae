import Foundation
import Testing

@testable import NewsGraph

@Suite struct GazetteerCacheTests {
  /// A fresh folder under the temporary directory, removed by the caller.
  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("newsgraph-cache-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static let text =
    "Russia's Sergei Shoigu met Egyptian officials in Cairo. The New York Times said the US and "
    + "Georgia agreed. Flights to Nice and Sochi resumed; REUTERS reported from CAIRO."

  /// Everything a document shows of the gazetteer: mentions with their entity, form and span.
  static func summary(_ gazetteer: Gazetteer) -> [String] {
    Pipeline.document(text, gazetteer: gazetteer).mentions.map {
      "\($0.start)-\($0.end) \($0.entity) \($0.form) \($0.source)"
    }
  }

  static func assertSame(_ a: Gazetteer, _ b: Gazetteer) {
    #expect(a.entries.count == b.entries.count)
    #expect(Array(a.entries) == Array(b.entries))
    #expect(a.givenNames == b.givenNames)
    #expect(
      a.exact.phrases.map { "\($0.keys) \($0.payload)" }
        == b.exact.phrases.map {
          "\($0.keys) \($0.payload)"
        })
    #expect(
      a.upper.phrases.map { "\($0.keys) \($0.payload)" }
        == b.upper.phrases.map {
          "\($0.keys) \($0.payload)"
        })
    #expect(
      a.titles.phrases.map { "\($0.keys) \($0.payload)" }
        == b.titles.phrases.map {
          "\($0.keys) \($0.payload)"
        })
    #expect(summary(a) == summary(b))
    for entry in a.entries { #expect(b.index[entry.id] == a.index[entry.id]) }
  }

  @Test func binaryFormRoundTrips() throws {
    let gazetteer = TestDictionary.gazetteer
    let bytes = gazetteer.serialized()
    let read = try #require(Gazetteer(serialized: bytes))
    Self.assertSame(gazetteer, read)
    #expect(read.serialized() == bytes, "writing is deterministic")
  }

  @Test func realDictionariesRoundTrip() throws {
    guard RepositoryPaths.hasRealDictionaries else { return }
    let gazetteer = try RealDictionaries.gazetteer()
    let read = try #require(Gazetteer(serialized: gazetteer.serialized()))
    Self.assertSame(gazetteer, read)
  }

  @Test func damagedBytesAreRejected() {
    let bytes = TestDictionary.gazetteer.serialized()
    #expect(Gazetteer(serialized: []) == nil)
    #expect(Gazetteer(serialized: Array(bytes.prefix(bytes.count / 2))) == nil, "truncated")
    #expect(Gazetteer(serialized: bytes + [0, 0, 0, 0, 0, 0, 0, 0]) == nil, "trailing bytes")
    for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
      var damaged = bytes
      damaged[offset] ^= 0x5A
      #expect(Gazetteer(serialized: damaged) == nil, "byte \(offset) flipped")
    }
    var wrongMagic = bytes
    wrongMagic[0] = UInt8(ascii: "X")
    #expect(Gazetteer(serialized: wrongMagic) == nil)
  }

  @Test func cacheIsWrittenThenRead() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = GazetteerCache(folder: folder.path + "/nested/newsgraph")
    var compiled = 0
    let first = cache.gazetteer(key: "k1") {
      compiled += 1
      return TestDictionary.gazetteer
    }
    let second = cache.gazetteer(key: "k1") {
      compiled += 1
      return TestDictionary.gazetteer
    }
    #expect(compiled == 1, "the second run reads the cache")
    #expect(FileManager.default.fileExists(atPath: cache.path(key: "k1")))
    Self.assertSame(first, second)
    Self.assertSame(TestDictionary.gazetteer, second)
  }

  @Test func corruptCacheIsIgnoredAndReplaced() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let cache = GazetteerCache(folder: folder.path)
    #expect(cache.store(TestDictionary.gazetteer, key: "k"))
    let path = cache.path(key: "k")
    var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[bytes.count / 3] ^= 0xFF
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    #expect(cache.load(key: "k") == nil)
    var compiled = 0
    let gazetteer = cache.gazetteer(key: "k") {
      compiled += 1
      return TestDictionary.gazetteer
    }
    #expect(compiled == 1)
    Self.assertSame(TestDictionary.gazetteer, gazetteer)
    #expect(cache.load(key: "k") != nil, "the damaged file was replaced")

    try Data("not a gazetteer".utf8).write(to: URL(fileURLWithPath: path))
    #expect(cache.load(key: "k") == nil)
    try Data().write(to: URL(fileURLWithPath: path))
    #expect(cache.load(key: "k") == nil)
  }

  @Test func unwritableFolderIsNotAnError() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A file where the folder should be: nothing can be written below it.
    let blocker = folder.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let cache = GazetteerCache(folder: blocker.path + "/newsgraph")
    #expect(!cache.store(TestDictionary.gazetteer, key: "k"))
    var compiled = 0
    let gazetteer = cache.gazetteer(key: "k") {
      compiled += 1
      return TestDictionary.gazetteer
    }
    #expect(compiled == 1)
    Self.assertSame(TestDictionary.gazetteer, gazetteer)
  }

  @Test func keyChangesWhenASourceFileChanges() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("extra.tsv")
    try Data("id\ttype\tlabel\nplace/a\tplace\tA\n".utf8).write(to: file)
    let key = try #require(GazetteerCache.key(files: [file.path]))
    #expect(GazetteerCache.key(files: [file.path]) == key, "stable while nothing changes")
    #expect(GazetteerCache.key(files: [file.path], salt: "other program") != key)

    try Data("id\ttype\tlabel\nplace/ab\tplace\tAB\n".utf8).write(to: file)
    let resized = try #require(GazetteerCache.key(files: [file.path]))
    #expect(resized != key, "a new size makes a new key")

    // Same size, new modification time.
    try Data("id\ttype\tlabel\nplace/ac\tplace\tAC\n".utf8).write(to: file)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: file.path)
    #expect(GazetteerCache.key(files: [file.path]) != resized)
    #expect(GazetteerCache.key(files: [folder.appendingPathComponent("missing").path]) == nil)
  }

  @Test func changedSourceIsCompiledAgain() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("places.tsv")
    let cache = GazetteerCache(folder: folder.appendingPathComponent("cache").path)
    func load() throws -> Gazetteer {
      let key = try #require(GazetteerCache.key(files: [file.path]))
      return try cache.gazetteer(key: key) {
        let text = try String(contentsOf: file, encoding: .utf8)
        return Gazetteer(entries: try DictionaryParser().entries(in: text, file: "places.tsv"))
      }
    }
    try Data("id\ttype\tlabel\nplace/alpha\tplace\tAlpha\n".utf8).write(to: file)
    #expect(try load().index["place/alpha"] != nil)
    try Data("id\ttype\tlabel\nplace/gamma-delta\tplace\tGamma Delta\n".utf8).write(to: file)
    let changed = try load()
    #expect(changed.index["place/alpha"] == nil)
    #expect(changed.index["place/gamma-delta"] != nil)
  }

  @Test func defaultFolderFollowsXDG() {
    let xdg = GazetteerCache.defaultFolder { ["XDG_CACHE_HOME": "/c", "HOME": "/h"][$0] }
    #expect(xdg == "/c/newsgraph")
    let home = GazetteerCache.defaultFolder { ["HOME": "/h"][$0] }
    #expect(home == "/h/.cache/newsgraph")
    let relative = GazetteerCache.defaultFolder { ["XDG_CACHE_HOME": "c", "HOME": "/h"][$0] }
    #expect(relative == "/h/.cache/newsgraph", "a relative XDG_CACHE_HOME is ignored")
    #expect(GazetteerCache.defaultFolder { _ in nil } == nil)
  }

  @Test func oldCacheFilesAreRemoved() throws {
    let folder = try Self.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var cache = GazetteerCache(folder: folder.path)
    cache.keep = 2
    for key in ["a", "b", "c", "d"] { cache.store(TestDictionary.gazetteer, key: key) }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasPrefix("gazetteer-") }
    #expect(files.count == 2)
    #expect(files.contains("gazetteer-d.bin"))
  }

  @Test func userEntriesOnACachedGazetteerGiveTheSameResult() throws {
    let user = [
      DictionaryEntry(id: "place/georgia-user", type: .place, label: "Georgia", origin: "u.tsv:2"),
      DictionaryEntry(
        id: "country/egypt", type: .country, label: "Misr", aliases: ["Kemet", "Egypt"],
        origin: "u.tsv:3"),
      DictionaryEntry(
        id: "organization/acme", type: .organization, label: "Acme Corporation",
        aliases: ["ACME"], origin: "u.tsv:4"),
    ]
    let fresh = Gazetteer(
      entries: TestDictionary.entries, userEntries: user, titles: TestDictionary.titles,
      givenNames: TestDictionary.givenNames)
    let cachedBase = try #require(Gazetteer(serialized: TestDictionary.gazetteer.serialized()))
    let layered = Gazetteer(base: cachedBase, userEntries: user)
    Self.assertSame(fresh, layered)
    let egypt = try #require(layered.index["country/egypt"])
    #expect(layered.entries[egypt].aliases.suffix(3) == ["Misr", "Kemet", "Egypt"])
    #expect(layered.entries.isUserEntry(at: egypt))
    #expect(layered.index["organization/acme"] == TestDictionary.entries.count + 1)
  }

  @Test func userEntryWithAnExistingIdRanksFirstForItsOldNames() {
    // The state gets a new alias from the user: all its names now rank as a user's.
    let user = DictionaryEntry(
      id: "place/georgia-us-state", type: .place, label: "Peach State")
    let gazetteer = Gazetteer(base: TestDictionary.gazetteer, userEntries: [user])
    let best = gazetteer.exact.matches(startingAt: 0, count: 1) { _ in "Georgia" }.first?.payloads
      .first
    #expect(best.map { gazetteer.entries[Int($0.entry)].id } == "place/georgia-us-state")
    let upper = gazetteer.upper.matches(startingAt: 0, count: 1) { _ in "GEORGIA" }.first?
      .payloads.first
    #expect(upper.map { gazetteer.entries[Int($0.entry)].id } == "place/georgia-us-state")
  }
}
