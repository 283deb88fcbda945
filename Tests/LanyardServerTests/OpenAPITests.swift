import Foundation
import Hummingbird
import HummingbirdTesting
import LanyardServer
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("every route is in /openapi.json, and everything in it is routed")
    func documentMatchesRouter() async throws {
        // Given the router and the document it serves
        let server = try TestServer()
        let routes = Set(server.router().routes.map { "\($0.method.rawValue.lowercased()) \($0.path.description)" })
        let document = try await server.app().test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get, headers: server.bearer())
            #expect(response.status == .ok)
            return try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
        }
        #expect(document["openapi"] == "3.1.0")

        // When both are listed as "method path"
        let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
        var documented: Set<String> = []
        for (path, item) in try #require(document["paths"]).objectValue {
            for (method, operation) in item.objectValue where methods.contains(method) {
                documented.insert("\(method) \(path)")
                // Then each operation is complete
                #expect(operation["operationId"] != nil, "\(method) \(path)")
                #expect(operation["responses"]?.objectValue.isEmpty == false, "\(method) \(path)")
            }
        }

        // Then they are the same
        #expect(routes.subtracting(documented).sorted() == [], "routed but not documented")
        #expect(documented.subtracting(routes).sorted() == [], "documented but not routed")
        #expect(routes.count >= 10)
    }

    @Test("only /health and /login are documented as open")
    func openRoutes() async throws {
        let document = try await documentValue()
        var open: [String] = []
        for (path, item) in try #require(document["paths"]).objectValue {
            for (method, operation) in item.objectValue where operation["security"] == .array([]) {
                open.append("\(method) \(path)")
            }
        }
        #expect(open.sorted() == ["get /health", "get /login", "post /login"])
    }

    private func documentValue() async throws -> JSONValue {
        let server = try TestServer()
        return try await server.app().test(.router) { client in
            let response = try await client.execute(uri: "/openapi.json", method: .get, headers: server.bearer())
            return try JSONDecoder().decode(JSONValue.self, from: Data(response.body.readableBytesView))
        }
    }
}
