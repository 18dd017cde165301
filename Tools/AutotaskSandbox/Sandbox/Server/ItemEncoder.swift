/// Writes records as Autotask items: flat camelCase objects, nulls present, `userDefinedFields` last.
struct ItemEncoder {
    let schema: EntitySchema
    let include: [Int]?
    private let keys: [String]

    init(schema: EntitySchema, include: [Int]?) {
        self.schema = schema
        self.include = include
        self.keys = schema.fields.map { field in
            var writer = JSONWriter(capacity: field.name.count + 3)
            writer.string(field.name)
            return writer.text + ":"
        }
    }

    func write(_ row: Row, to writer: inout JSONWriter) {
        writer.raw("{")
        if let include {
            for position in include {
                writer.raw(keys[position])
                row[position].write(to: &writer)
                writer.raw(",")
            }
        } else {
            for position in 0..<schema.fields.count {
                writer.raw(keys[position])
                row[position].write(to: &writer)
                writer.raw(",")
            }
        }
        writer.raw("\"userDefinedFields\":[")
        for (offset, udf) in schema.udfs.enumerated() {
            if offset > 0 { writer.raw(",") }
            writer.raw("{\"name\":")
            writer.string(udf.name)
            writer.raw(",\"value\":")
            if let text = row[schema.fields.count + offset].wireText {
                writer.string(text)
            } else {
                writer.raw("null")
            }
            writer.raw("}")
        }
        writer.raw("]}")
    }
}
