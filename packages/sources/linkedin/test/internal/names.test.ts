import { describe, expect, it } from "vitest"
import { fromFull, fromParts, isCredential, nameKey, plain, splitNameList } from "../../src/internal/names.ts"
import { canonicalUrl, labeledList, profileSlug, twitterHandles } from "../../src/internal/values.ts"

describe("names", () => {
  it("folds Mathematical Alphanumeric letters and drops emoji in the plain parts only", () => {
    expect(plain("𝓜𝓪𝓻𝓰𝓸𝓽")).toBe("Margot")
    expect(plain("𝕿𝖍𝖊𝖔")).toBe("Theo")
    expect(plain("Ellery 🌿")).toBe("Ellery")
    expect(plain("Sam 👩🏽‍💻 ")).toBe("Sam")
    expect(fromParts("𝓜𝓪𝓻𝓰𝓸𝓽", "Ellery 🌿")).toEqual({
      given: "Margot",
      family: "Ellery",
      formatted: "𝓜𝓪𝓻𝓰𝓸𝓽 Ellery 🌿",
    })
  })

  it("moves credentials after a comma in the last name to the suffix", () => {
    expect(fromParts("Anton", "Novak, Ph.D.")).toEqual({
      given: "Anton",
      family: "Novak",
      suffix: "Ph.D.",
      formatted: "Anton Novak, Ph.D.",
    })
    expect(fromParts("Rafael", "Duarte, CFA, MBA").suffix).toBe("CFA, MBA")
    expect(fromParts("Ana", "García, López")).toMatchObject({ family: "García, López" })
    expect(fromParts("Dr. Ina", "Roth")).toMatchObject({ prefix: "Dr.", given: "Ina", family: "Roth" })
  })

  it("splits credentials written without a comma off the family name, emoji dropped", () => {
    expect(fromParts("Łukasz", "Laurent MBA")).toEqual({
      given: "Łukasz",
      family: "Laurent",
      suffix: "MBA",
      formatted: "Łukasz Laurent MBA",
    })
    expect(fromParts("Zoe", "Wright ✨ PhD")).toMatchObject({ family: "Wright", suffix: "PhD" })
    expect(fromParts("Yuki", "Jansen MBA, CFA")).toMatchObject({ family: "Jansen", suffix: "MBA, CFA" })
    expect(fromFull("Yuki Jansen MBA")).toMatchObject({ given: "Yuki", family: "Jansen", suffix: "MBA" })
    // a family name that is also a credential stays a name
    expect(fromParts("Wei", "Ma")).toMatchObject({ family: "Ma" })
    expect(fromFull("Wei Ma")).toMatchObject({ given: "Wei", family: "Ma" })
  })

  it("tells credentials from names", () => {
    for (const c of ["Ph.D.", "MBA", "CFA", "Jr.", "PMP®", "M.Sc.", "CAMS", "III"])
      expect(isCredential(c)).toBe(true)
    for (const n of ["López", "Ann Lee", "Bo Li", ""]) expect(isCredential(n)).toBe(false)
  })

  it("reads a full name with particles and credentials", () => {
    expect(fromFull("Ludwig van Beethoven")).toEqual({
      given: "Ludwig",
      family: "van Beethoven",
      formatted: "Ludwig van Beethoven",
    })
    expect(fromFull("Priya Raman, CAMS")).toMatchObject({ given: "Priya", family: "Raman", suffix: "CAMS" })
  })

  it("splits comma-joined names without cutting credentials off", () => {
    expect(splitNameList("Ann Lee, Jane Doe, Ph.D., Bo Li")).toEqual(["Ann Lee", "Jane Doe, Ph.D.", "Bo Li"])
    expect(splitNameList("ANNA KOWALSKI, MBA", 2)).toEqual(["ANNA KOWALSKI", "MBA"])
  })

  it("compares names without case, accents or decoration", () => {
    expect(nameKey("𝓩𝓸𝓮 Brandt 🚀")).toBe(nameKey("zoe brandt"))
    expect(nameKey("Zoë  Brandt")).toBe("zoe brandt")
  })
})

describe("values", () => {
  it("canonicalises profile URLs", () => {
    expect(canonicalUrl("www.linkedin.com/in/kenji-watanabe/")).toBe(
      "https://www.linkedin.com/in/kenji-watanabe",
    )
    expect(canonicalUrl("http://WWW.LinkedIn.com/in/a-b?trk=x#top")).toBe("https://www.linkedin.com/in/a-b")
    expect(canonicalUrl("not a url")).toBeUndefined()
    expect(canonicalUrl("javascript:alert(1)")).toBeUndefined()
    expect(profileSlug("https://www.linkedin.com/in/zo%C3%AB-brandt")).toBe("zoë-brandt")
  })

  it("reads TYPE:value lists in both spellings", () => {
    expect(labeledList("COMPANY:http://a.example, OTHER:https://b.example/x")).toEqual([
      { label: "company", value: "http://a.example" },
      { label: "other", value: "https://b.example/x" },
    ])
    expect(labeledList("[PORTFOLIO:https://x.dev],[BLOG:https://y.dev]")).toEqual([
      { label: "portfolio", value: "https://x.dev" },
      { label: "blog", value: "https://y.dev" },
    ])
    expect(labeledList("https://plain.example")).toEqual([{ value: "https://plain.example" }])
    expect(twitterHandles("[saskiav,@other]")).toEqual(["saskiav", "other"])
  })
})
