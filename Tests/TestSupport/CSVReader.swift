/// A minimal RFC 4180 reader, to check the CSV writer's output against: the rows of `text`,
/// each a list of fields, with quotes and doubled quotes undone.
public enum CSVReader {
  public static func rows(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      if quoted {
        if scalar == "\"" {
          if scalars.first == "\"" {
            field.unicodeScalars.append("\"")
            scalars.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.unicodeScalars.append(scalar)
        }
      } else if scalar == "\"" {
        quoted = true
      } else if scalar == "," {
        row.append(field)
        field = ""
      } else if scalar == "\r" && scalars.first == "\n" {
        scalars.removeFirst()
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.unicodeScalars.append(scalar)
      }
    }
    return rows
  }
}
