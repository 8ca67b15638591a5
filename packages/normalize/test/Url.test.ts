import { describe, expect, it } from "vitest"
import * as Url from "../src/Url.ts"

describe("Url.normalize", () => {
  it.each([
    ["", ""],
    ["not a url", "not a url"],
    ["mailto:jane@example.com", "mailto:jane@example.com"],
    ["https://WWW.Example.COM/", "https://example.com"],
    ["https://www.example.com/About/", "https://example.com/About"],
    ["HTTP://example.com:80/x", "http://example.com/x"],
    ["https://example.com:8443/x", "https://example.com:8443/x"],
    ["example.com/jane", "https://example.com/jane"],
    ["www.example.com", "https://example.com"],
    ["https://example.com/p?utm_source=x&utm_medium=y&id=7", "https://example.com/p?id=7"],
    ["https://example.com/p?b=2&a=1&fbclid=abc#section", "https://example.com/p?a=1&b=2"],
    [
      "https://www.linkedin.com/in/jane-doe-1a2b3c/?trk=public_profile",
      "https://linkedin.com/in/jane-doe-1a2b3c",
    ],
  ])("%j gives %j", (input, expected) => {
    expect(Url.normalize(input)).toBe(expected)
  })
})

describe("Url.key", () => {
  it("treats http and https as one page", () => {
    expect(Url.key("http://www.example.com/jane/")).toBe(Url.key("https://example.com/jane"))
    expect(Url.key("https://example.com/jane")).toBe("example.com/jane")
    for (const raw of [
      "HTTP://WWW.Example.com/a/?utm_source=x",
      "linkedin.com/in/jane-doe/",
      "not a url",
      "ftp://x.example/y",
    ])
      expect(Url.keyOfNormalized(Url.normalize(raw)), raw).toBe(Url.key(raw))
  })
})

describe("Url.linkedinSlug", () => {
  it.each<[string, string | undefined]>([
    ["", undefined],
    ["https://example.com/in/jane", undefined],
    ["https://www.linkedin.com/company/acme", undefined],
    ["https://www.linkedin.com/in/jane-doe-1a2b3c", "jane-doe-1a2b3c"],
    ["https://www.linkedin.com/in/Jane-Doe-1A2B3C/", "jane-doe-1a2b3c"],
    ["http://uk.linkedin.com/in/janedoe?trk=x", "janedoe"],
    ["linkedin.com/in/janedoe", "janedoe"],
    ["www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller-42/", "jürgen-müller-42"],
    ["https://de.linkedin.com/in/j%C3%BCrgen", "jürgen"],
    ["https://www.linkedin.com/in/", undefined],
  ])("%j gives %j", (input, expected) => {
    expect(Url.linkedinSlug(input)).toBe(expected)
  })
})

describe("Url.twitterHandle", () => {
  it.each<[string, string | undefined]>([
    ["", undefined],
    ["https://example.com/jdoe", undefined],
    ["https://twitter.com/JDoe", "jdoe"],
    ["https://x.com/jdoe/status/123", "jdoe"],
    ["http://mobile.twitter.com/jdoe", "jdoe"],
    ["twitter.com/jdoe?lang=en", "jdoe"],
    ["https://twitter.com/#!/JDoe", "jdoe"],
    ["https://www.x.com/@jane_doe", "jane_doe"],
    ["https://twitter.com/home", undefined],
    ["https://twitter.com/intent/tweet?text=hi", undefined],
    ["https://twitter.com/i/web/status/1", undefined],
    ["https://twitter.com/this_handle_is_far_too_long", undefined],
  ])("%j gives %j", (input, expected) => {
    expect(Url.twitterHandle(input)).toBe(expected)
  })
})
