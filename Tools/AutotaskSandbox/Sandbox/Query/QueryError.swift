/// An answer other than 200 that the query grammar gives: a status and an errors body.
struct QueryError: Error, Sendable {
    var status = 500
    var message: String
}
