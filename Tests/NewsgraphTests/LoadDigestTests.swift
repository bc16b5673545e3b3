import Foundation
import RDFModel
import RaptorIO
import Testing
@testable import Build
@testable import Extraction
@testable import SHACL
@testable import Validation
@testable import Lookup
@testable import Load

@Suite struct LoadDigestTests {
    @Test func digestMatchesRFC2617Example() throws {
        let challenge = AuthChallenge(scheme: "Digest", parameters: [
            "realm": "testrealm@host.com", "qop": "auth,auth-int", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
        ])
        var session = try DigestSession(challenge: challenge, credentials: Credentials(user: "Mufasa", password: "Circle Of Life"),
                                        clientNonce: "0a4f113b")
        let header = session.authorization(method: "GET", uri: "/dir/index.html")
        #expect(header.contains("response=\"6629fae49393a05397450978507c4ef1\""))
        #expect(header.contains("nc=00000001"))
        #expect(header.contains("qop=auth,") || header.contains("qop=auth"))
        #expect(header.contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""))
        #expect(!header.contains("Circle Of Life"))
        let second = session.authorization(method: "GET", uri: "/dir/index.html")
        #expect(second.contains("nc=00000002"))
    }

    @Test func digestMatchesRFC7616Examples() throws {
        let base: [String: String] = [
            "realm": "http-auth@example.org", "qop": "auth, auth-int",
            "nonce": "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "opaque": "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS",
        ]
        let credentials = Credentials(user: "Mufasa", password: "Circle of Life")
        let cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"
        var md5 = try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: base.merging(["algorithm": "MD5"]) { $1 }),
                                    credentials: credentials, clientNonce: cnonce)
        #expect(md5.authorization(method: "GET", uri: "/dir/index.html").contains("response=\"8ca523f5e9506fed4657c9700eebdbec\""))
        var sha = try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: base.merging(["algorithm": "SHA-256"]) { $1 }),
                                    credentials: credentials, clientNonce: cnonce)
        let header = sha.authorization(method: "GET", uri: "/dir/index.html")
        #expect(header.contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\""))
        #expect(header.contains("algorithm=SHA-256"))
    }

    @Test func digestRefusesWhatItDoesNotSpeak() {
        let c = Credentials(user: "u", password: "p")
        #expect(throws: DigestSession.Problem.unsupportedQop("auth-int")) {
            try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: ["realm": "r", "nonce": "n", "qop": "auth-int"]), credentials: c)
        }
        #expect(throws: DigestSession.Problem.unsupportedAlgorithm("SHA-512-256")) {
            try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: ["realm": "r", "nonce": "n", "algorithm": "SHA-512-256"]), credentials: c)
        }
        #expect(throws: DigestSession.Problem.missing("nonce")) {
            try DigestSession(challenge: AuthChallenge(scheme: "Digest", parameters: ["realm": "r"]), credentials: c)
        }
    }

    @Test func challengesAreParsedAsServersWriteThem() {
        // Virtuoso 7.2's header, verbatim.
        let virtuoso = AuthChallenge.parse(#"Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="060208faf0427a00cd47b669ebbe48fb", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5""#)
        #expect(virtuoso.count == 1)
        #expect(virtuoso.first?.scheme == "Digest")
        #expect(virtuoso.first?.parameters["nonce"] == "060208faf0427a00cd47b669ebbe48fb")
        #expect(virtuoso.first?.parameters["qop"] == "auth")
        #expect(virtuoso.first?.parameters["stale"] == "false")
        // Two challenges in one header, a comma and an escaped quote inside a quoted value.
        let two = AuthChallenge.parse(#"Basic realm="a, \"b\"", Digest realm=x, nonce="n1", qop="auth,auth-int""#)
        #expect(two.map(\.scheme) == ["Basic", "Digest"])
        #expect(two.first?.parameters["realm"] == #"a, "b""#)
        #expect(two.last?.parameters["realm"] == "x")
        #expect(two.last?.parameters["qop"] == "auth,auth-int")
        let bare = AuthChallenge.parse("Basic, Negotiate abc123")
        #expect(bare.map(\.scheme) == ["Basic", "Negotiate"])
        #expect(bare.last?.parameters[""] == "abc123")
        #expect(AuthChallenge.parse("").isEmpty)
    }

    @Test func credentialsNeverDescribeThePassword() {
        let c = Credentials(user: "dba", password: "s3cr3t-Pw")
        #expect(!"\(c)".contains("s3cr3t"))
        #expect(!String(reflecting: c).contains("s3cr3t"))
        #expect(c.redact("echo s3cr3t-Pw and ZGJhOnMzY3IzdC1Qdw==") == "echo *** and ***")
    }
}
