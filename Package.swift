// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "newsgraph",
  products: [
    .library(name: "NewsGraph", targets: ["NewsGraph"]),
    .library(name: "GraphvizRender", targets: ["GraphvizRender"]),
    .executable(name: "newsgraph", targets: ["newsgraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    .target(name: "NewsGraph"),
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"])]
    ),
    .target(name: "GraphvizRender", dependencies: ["CGraphviz", "NewsGraph"]),
    .executableTarget(
      name: "newsgraph",
      dependencies: [
        "NewsGraph",
        "GraphvizRender",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What more than one test target needs (which sanitizer a test runs under).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(
      name: "NewsGraphTests", dependencies: ["NewsGraph", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "GraphvizRenderTests", dependencies: ["GraphvizRender"]),
    .testTarget(name: "NewsGraphCLITests", dependencies: ["newsgraph", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
