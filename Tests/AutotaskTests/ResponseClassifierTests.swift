import Foundation
import Testing

@testable import Autotask

@Suite("Deciding what an answer means")
struct ResponseClassifierTests {
    enum Kind: Equatable {
        case success, unauthorized
        case retry(AutotaskError.Code)
        case fail(AutotaskError.Code)
    }

    static func kind(_ status: Int, _ body: String = "", zone: Bool = false, notFoundIsNil: Bool = false) -> Kind {
        switch ResponseClassifier.classify(
            status: status,
            body: Array(body.utf8),
            retryAfter: nil,
            endpoint: "Contracts",
            userName: "u",
            isZoneLookup: zone,
            allowNotFound: notFoundIsNil
        ) {
        case .success: .success
        case .unauthorized: .unauthorized
        case .retry(let error): .retry(error.code)
        case .fail(let error): .fail(error.code)
        }
    }

    @Test("status codes map to outcomes")
    func statuses() {
        #expect(Self.kind(200, "{}") == .success)
        #expect(Self.kind(401) == .unauthorized)
        #expect(Self.kind(429) == .retry(.throttled))
        #expect(Self.kind(403) == .fail(.permissionDenied))
        #expect(Self.kind(404) == .fail(.notFound))
        #expect(Self.kind(404, notFoundIsNil: true) == .success)
        #expect(Self.kind(405, #"{"Message":"not supported"}"#) == .fail(.invalidQuery))
        #expect(Self.kind(502) == .retry(.server))
        #expect(Self.kind(503) == .retry(.server))
        #expect(Self.kind(504) == .retry(.server))
        #expect(Self.kind(500, #"{"errors":["An error has occurred."]}"#) == .retry(.server))
        #expect(Self.kind(500) == .retry(.server))
    }

    @Test("Itgenatr005 is a thread limit whatever the status")
    func threadLimit() {
        let body = #"{"errors":["Itgenatr005: thread threshold of 3 exceeded"]}"#
        for status in [200, 403, 429, 500, 503] {
            #expect(Self.kind(status, body) == .retry(.threadLimit))
        }
        #expect(Self.kind(200, #"{"items":[{"id":1,"description":"see Itgenatr005"}],"pageDetails":{}}"#) == .success)
    }

    @Test("500s about permissions, fields and credentials are final")
    func finalServerErrors() {
        #expect(
            Self.kind(
                500,
                #"{"errors":["The logged in Resource does not have the adequate permissions to query this entity type."]}"#
            )
                == .fail(.permissionDenied)
        )
        #expect(
            Self.kind(500, #"{"errors":["Unable to find projectID in the Contract Entity"]}"#) == .fail(.invalidQuery))
        #expect(
            Self.kind(
                500, #"{"errors":["Invalid query syntax. Queries are limited to 500 or fewer 'OR' conditions."]}"#)
                == .fail(.invalidQuery)
        )
        #expect(Self.kind(500, #"{"errors":["Invalid integration code."]}"#) == .fail(.unknownUserOrIntegrationCode))
        #expect(Self.kind(500, #"{"errors":["A Contract already exists with Name [x]."]}"#) == .fail(.server))
        #expect(Self.kind(500, #"{"errors":["x"]}"#, zone: true) == .fail(.unknownUserOrIntegrationCode))
        #expect(Self.kind(404, zone: true) == .fail(.invalidConfiguration))
    }

    @Test("Retry-After reads seconds and HTTP dates")
    func retryAfter() {
        #expect(ResponseClassifier.retryAfter("3") == .seconds(3))
        #expect(ResponseClassifier.retryAfter("0.25") == .milliseconds(250))
        #expect(ResponseClassifier.retryAfter(nil) == nil)
        #expect(ResponseClassifier.retryAfter("soon") == nil)
        #expect(ResponseClassifier.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT") == .zero)
    }

    @Test("backoff doubles, is capped, and honours Retry-After")
    func backoff() {
        let policy = RetryPolicy(baseDelay: .milliseconds(100), maxDelay: .milliseconds(350), jitter: false)
        #expect(policy.delay(forRetry: 1, retryAfter: nil) == .milliseconds(100))
        #expect(policy.delay(forRetry: 2, retryAfter: nil) == .milliseconds(200))
        #expect(policy.delay(forRetry: 3, retryAfter: nil) == .milliseconds(350))
        #expect(policy.delay(forRetry: 1, retryAfter: .seconds(2)) == .seconds(2))
        let jittered = RetryPolicy(baseDelay: .milliseconds(100), jitter: true)
        for retry in 1...5 {
            let delay = jittered.delay(forRetry: retry, retryAfter: nil)
            let full = Duration.milliseconds(100) * (1 << (retry - 1))
            #expect(delay <= full && delay >= full / 2)
        }
    }

    @Test("any Retry-After value is read without crashing, as nothing or a wait of at most a day")
    func retryAfterFuzz() {
        #expect(ResponseClassifier.retryAfter("1e17") == .seconds(86_400))
        #expect(ResponseClassifier.retryAfter("9223372036854775807") == .seconds(86_400))
        #expect(ResponseClassifier.retryAfter("1e400") == nil)
        #expect(ResponseClassifier.retryAfter("-5") == nil)
        #expect(ResponseClassifier.retryAfter("nan") == nil)
        #expect(ResponseClassifier.retryAfter("inf") == nil)
        #expect(ResponseClassifier.retryAfter("Fri, 31 Dec 9999 23:59:59 GMT") == .seconds(86_400))
        var random = SystemRandomNumberGenerator()
        let pieces = ["1", "9", "e", "E", "+", "-", ".", "0", "308", "nan", "inf", " ", "x", "GMT", "99999999999"]
        for _ in 0..<2_000 {
            let header = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }
                .joined()
            if let wait = ResponseClassifier.retryAfter(header) {
                #expect(wait >= .zero && wait <= .seconds(86_400), "\(header)")
            }
        }
    }
}
