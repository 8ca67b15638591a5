/**
 * Invented-people building blocks: given and family names from many cultures, nicknames,
 * transliteration (Jürgen -> Juergen), typos, companies, titles and cities. Names are common
 * ones combined at random; companies are invented prefix+suffix pairs under `.example`.
 */
import type { Random } from "./Random.ts"

/** A phone/country region the generator can issue numbers for. */
export type Country = "GB" | "US" | "DE" | "FR" | "AU"

/** A naming culture: its name pools, how often it is drawn, and where its people live. */
export interface Culture {
  readonly id: string
  readonly weight: number
  readonly given: ReadonlyArray<string>
  readonly family: ReadonlyArray<string>
  readonly countries: ReadonlyArray<Country>
}

const split = (s: string): ReadonlyArray<string> => s.split(",").map((x) => x.trim())

const ELSEWHERE: ReadonlyArray<Country> = ["GB", "GB", "GB", "GB", "GB", "US", "US", "US", "FR", "AU"]

/** The cultures names are drawn from, with weights summing to about 100. */
export const CULTURES: ReadonlyArray<Culture> = [
  {
    id: "en",
    weight: 30,
    given: split(
      "James, Oliver, Harry, George, Jack, Thomas, William, Robert, Michael, Daniel, Matthew, Samuel, Benjamin, Christopher, Andrew, Edward, Richard, Joseph, Anthony, Nicholas, Jonathan, Alexander, Emily, Olivia, Sophie, Charlotte, Amelia, Jessica, Hannah, Lucy, Katherine, Elizabeth, Margaret, Rebecca, Victoria, Jennifer, Susan, Sarah, Laura, Emma, Grace, Chloe, Rachel, Patricia, Deborah, Abigail, Eleanor, Alice, Henry, Charles, Arthur, Oscar, Theo, Freddie, Archie, Leo, Finley, Isaac, Joshua, Ethan, Nathan, Ryan, Adam, Luke, Connor, Callum, Lewis, Jamie, Dylan, Owen, Rhys, Gareth, Ian, Graham, Neil, Stuart, Simon, Martin, Philip, Gordon, Keith, Trevor, Amy, Ruby, Isla, Ava, Mia, Freya, Poppy, Evie, Imogen, Harriet, Phoebe, Florence, Rosie, Megan, Bethany, Natalie, Gemma, Kirsty, Nicola, Joanne, Claire, Helen, Fiona, Alison, Gillian, Lorraine, Shannon, Tyler, Madison, Brandon, Austin, Kayla, Logan, Brittany, Dakota, Jordan",
    ),
    family: split(
      "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Hughes, Edwards, Turner, Harris, Martin, Cooper, Hill, Ward, Morris, Moore, Clark, Baker, Carter, Mitchell, Parker, Bennett, Collins, Stewart, Morgan, Bailey, Fletcher, Whitfield, Thornton, Ashdown, Baxter, Sullivan, Miller, Anderson, Thomas, Lewis, Young, King, Scott, Adams, Campbell, Reid, Walsh, Grant, Brooks, Allen, Atkinson, Barker, Barnes, Bell, Bird, Bishop, Booth, Bradley, Burton, Butler, Chambers, Chapman, Cole, Cook, Cox, Crawford, Dawson, Dixon, Doherty, Ellis, Fisher, Ford, Foster, Fox, Gibson, Gordon, Graham, Gray, Griffiths, Hamilton, Harrison, Hart, Harvey, Hayes, Holmes, Hudson, Hunt, Jenkins, Kennedy, Knight, Lawrence, Lee, Lloyd, Marshall, Mason, Matthews, Mills, Murray, Owen, Palmer, Pearson, Phillips, Pike, Porter, Powell, Price, Reynolds, Richards, Richardson, Rogers, Rose, Russell, Saunders, Shaw, Simpson, Spencer, Stevens, Stone, Sutton, Tucker, Wallace, Watson, Webb, Wells, West, Wheeler, Willis, Woods, Yates, Pemberton, Ashworth, Fairclough, Hargreaves, Whitmore, Aldridge, Cartwright, Kettering",
    ),
    countries: ["GB", "GB", "GB", "GB", "GB", "US", "US", "US", "AU", "AU"],
  },
  {
    id: "ie",
    weight: 3,
    given: split(
      "Siobhán, Aoife, Niamh, Saoirse, Ciara, Róisín, Caoimhe, Orla, Seán, Cian, Darragh, Oisín, Pádraig, Eoin, Ciarán, Declan, Aisling, Clodagh, Éabha, Gráinne, Méabh, Sorcha, Fionn, Colm, Donnacha, Ruairí, Tadhg, Conor, Brendan",
    ),
    family: split(
      "O'Connor, O'Brien, Murphy, Kelly, Byrne, Ryan, O'Sullivan, Walsh, McCarthy, Doyle, Gallagher, Ó Súilleabháin, Mac Giolla, Nolan, Quinn, Lynch, Brennan, Fitzgerald, Kavanagh, Daly, Healy, Ó Néill, Ní Bhriain, Brady, Dunne",
    ),
    countries: ["GB"],
  },
  {
    id: "de",
    weight: 8,
    given: split(
      "Jürgen, Jörg, Günter, Lukas, Felix, Maximilian, Jonas, Leon, Paul, Tobias, Stefan, Andreas, Matthias, Sebastian, Anna, Lena, Lea, Sophie, Hannah, Katharina, Julia, Sabine, Ursula, Birgit, Jana, Mia, Björn, Sören, Johannes, Käthe",
    ),
    family: split(
      "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Groß, Weiß, Köhler, Kessler, Vogel",
    ),
    countries: ["DE", "DE", "DE", "GB"],
  },
  {
    id: "fr",
    weight: 7,
    given: split(
      "Chloé, Léa, Manon, Camille, Inès, Zoé, Élodie, Céline, Hélène, Amélie, Margaux, Océane, Louis, Lucas, Hugo, Théo, Mathis, Nathan, Julien, François, Jérôme, Étienne, Benoît, Cédric",
    ),
    family: split(
      "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, Lefèvre, Michel, Garcia, Fournier, Girard, Bonnet, Dupont, Lambert, Fontaine, Rousseau, Vincent, Faure, Mercier, Blanc, Guérin, Chevalier, Aubert",
    ),
    countries: ["FR", "FR", "FR", "GB"],
  },
  {
    id: "es",
    weight: 6,
    given: split(
      "José, Antonio, Manuel, Francisco, Javier, Carlos, Alejandro, Pablo, Álvaro, Sergio, Raúl, Iván, María, Lucía, Sofía, Carmen, Elena, Paula, Marta, Laura, Ana, Inés, Alba, Nerea",
    ),
    family: split(
      "García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Navarro, Torres, Domínguez, Vázquez, Ramos, Gil",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "it",
    weight: 5,
    given: split(
      "Giuseppe, Giovanni, Antonio, Mario, Luigi, Francesco, Matteo, Alessandro, Lorenzo, Andrea, Marco, Luca, Niccolò, Giulia, Francesca, Chiara, Sara, Martina, Alessia, Federica, Elisa, Valentina",
    ),
    family: split(
      "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Verdi, D'Angelo",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "pt",
    weight: 3,
    given: split(
      "João, Tiago, Gonçalo, Rodrigo, Duarte, Afonso, Luís, Inês, Beatriz, Mariana, Leonor, Matilde, Isabel",
    ),
    family: split(
      "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes, Gonçalves, Gomes, Lopes, Marques, Ribeiro, Magalhães, Araújo",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "nl",
    weight: 3,
    given: split(
      "Daan, Sem, Bram, Lars, Jeroen, Pieter, Maarten, Sanne, Femke, Lotte, Anouk, Fleur, Eva, Joost",
    ),
    family: split(
      "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "pl",
    weight: 4,
    given: split(
      "Łukasz, Paweł, Michał, Krzysztof, Piotr, Tomasz, Jakub, Wojciech, Agnieszka, Małgorzata, Katarzyna, Magdalena, Joanna, Zofia, Anna, Ewa, Marek, Grzegorz, Rafał, Bartosz, Kamil, Marcin, Dorota, Beata, Aleksandra, Natalia, Justyna, Monika",
    ),
    family: split(
      "Nowak, Kowalski, Wiśniewski, Wójcik, Kowalczyk, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak, Dąbrowski, Kozłowski, Jankowski, Mazur, Kwiatkowski, Krawczyk, Piotrowski, Grabowski, Nowakowski, Pawłowski, Michalski, Adamczyk, Dudek, Zając, Wieczorek, Jabłoński, Król",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "nordic",
    weight: 3,
    given: split(
      "Søren, Mads, Rasmus, Jens, Magnus, Oskar, Erik, Lars, Nils, Åsa, Ingrid, Sigrid, Freja, Maja, Astrid, Linnea, Björn, Sven",
    ),
    family: split(
      "Jensen, Nielsen, Hansen, Pedersen, Andersen, Larsen, Johansson, Andersson, Karlsson, Nilsson, Eriksson, Lindqvist, Lindström, Bergström, Haugen, Østergaard, Sørensen, Åberg",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "in",
    weight: 8,
    given: split(
      "Priya, Ananya, Aditi, Kavya, Divya, Lakshmi, Meera, Neha, Pooja, Shreya, Arjun, Rahul, Vikram, Aditya, Rohan, Sanjay, Karthik, Amit, Rajesh, Suresh, Vivek, Nikhil, Ishaan, Aarav, Vihaan, Siddharth, Manish, Deepak, Anil, Ravi, Kiran, Sunita, Anjali, Swati, Ritu, Nandini, Tanvi, Varun, Harish, Gaurav",
    ),
    family: split(
      "Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Natarajan, Nair, Menon, Rao, Mehta, Desai, Joshi, Chatterjee, Banerjee, Krishnan, Subramanian, Pillai, Agarwal, Bhatt, Kapoor, Malhotra, Saxena, Verma, Mishra, Pandey, Chopra, Bose, Sen, Ghosh, Das, Naidu, Shetty, Kulkarni, Deshpande, Srinivasan, Venkatesh",
    ),
    countries: ["GB", "GB", "US", "US", "AU"],
  },
  {
    id: "cn",
    weight: 5,
    given: split(
      "Wei, Fang, Min, Jing, Yan, Hui, Xin, Jun, Hao, Lei, Xiaoming, Mei, Lin, Yu, Zihan, Haoran, Qiang, Tao, Yong, Bo, Ying, Lan, Xiu, Zhen, Kai, Rui, Xue, Jie, Ling",
    ),
    family: split(
      "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, Lin, He, Gao, Liang, Song, Zheng, Xie, Han, Tang, Feng, Dong, Xiao, Cheng, Cao, Yuan, Deng",
    ),
    countries: ["GB", "US", "US", "AU"],
  },
  {
    id: "jp",
    weight: 3,
    given: split(
      "Yuki, Haruto, Sota, Yuto, Ren, Hiroshi, Takashi, Kenji, Daiki, Sakura, Yui, Aoi, Hina, Emi, Naoko, Akiko, Kaito",
    ),
    family: split(
      "Sato, Suzuki, Takahashi, Tanaka, Watanabe, Ito, Yamamoto, Nakamura, Kobayashi, Kato, Yoshida, Yamada, Sasaki, Yamaguchi, Matsumoto, Inoue",
    ),
    countries: ["GB", "US", "AU"],
  },
  {
    id: "kr",
    weight: 2,
    given: split(
      "Min-jun, Seo-yeon, Ji-ho, Ji-woo, Ha-eun, Do-yun, Seo-jun, Su-bin, Ye-jin, Hyun-woo, Eun-ji, Jae-won",
    ),
    family: split("Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin"),
    countries: ["US", "US", "GB", "AU"],
  },
  {
    id: "ar",
    weight: 4,
    given: split(
      "Mohammed, Ahmed, Omar, Ali, Youssef, Khalid, Hassan, Tariq, Karim, Fatima, Aisha, Layla, Noor, Mariam, Yasmin, Huda, Salma, Rania, Samir, Nabil, Rami, Ziad, Faisal, Hamza, Bilal, Imran, Amira, Dina, Lina, Nadia, Reem, Samira, Zainab",
    ),
    family: split(
      "Haddad, Khalil, Farouk, Karim, Mansour, Nasser, Saleh, Hamdan, Aziz, Rahman, Hussein, Ibrahim, Abdullah, Al-Sayed, El-Amin, Darwish, Suleiman, Qureshi, Sabbagh, Jaber, Kassem, Barakat, Shalaby, Tawfik, Zaki, Masri, Khoury, Bitar",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "tr",
    weight: 2,
    given: split(
      "Mehmet, Mustafa, Ahmet, Emre, Burak, Can, Zeynep, Elif, Ayşe, Fatma, Merve, Büşra, Çağla, Gökhan",
    ),
    family: split(
      "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, Aslan",
    ),
    countries: ["DE", "DE", "GB"],
  },
  {
    id: "wa",
    weight: 4,
    given: split(
      "Chinedu, Emeka, Oluwaseun, Tunde, Babajide, Chukwuemeka, Ifeanyi, Obinna, Ngozi, Chiamaka, Adaeze, Funmilayo, Folake, Yetunde, Amaka, Temitope, Kwame, Kofi, Ama, Akosua",
    ),
    family: split(
      "Okafor, Adebayo, Okonkwo, Eze, Nwosu, Olawale, Adeyemi, Ogunleye, Bello, Chukwu, Ibekwe, Obi, Osei, Mensah, Boateng, Asante, Balogun, Afolabi",
    ),
    countries: ["GB", "GB", "US"],
  },
  {
    id: "ru",
    weight: 2,
    given: split(
      "Aleksandr, Dmitri, Sergei, Andrei, Alexei, Ivan, Mikhail, Nikolai, Pavel, Yuri, Oleg, Boris",
    ),
    family: split(
      "Ivanov, Smirnov, Kuznetsov, Popov, Volkov, Sokolov, Lebedev, Kozlov, Novikov, Morozov, Pavlov, Orlov, Fedorov",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "gr",
    weight: 1,
    given: split(
      "Georgios, Dimitrios, Konstantinos, Nikolaos, Ioannis, Eleni, Maria, Katerina, Sofia, Despina",
    ),
    family: split(
      "Papadopoulos, Papadakis, Georgiou, Nikolaidis, Dimitriou, Konstantinou, Vlachos, Angelopoulos, Karagiannis",
    ),
    countries: ELSEWHERE,
  },
  {
    id: "vn",
    weight: 2,
    given: split("Anh, Minh, Linh, Trang, Huong, Duc, Tuan, Thanh, Phuong, Nam, Hoa, Quang"),
    family: split("Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ"),
    countries: ["GB", "US", "FR", "AU"],
  },
]

/** Very common English-language names; drawing from them on purpose creates namesakes. */
export const COMMON_GIVEN = split(
  "David, John, Michael, James, Sarah, Emma, Laura, Daniel, Chris, Anna, Mark, Paul, Kate, Tom, Peter, Maria, Lisa, Mary, Richard, Jane",
)
/** Common family names paired with COMMON_GIVEN. */
export const COMMON_FAMILY = split(
  "Smith, Jones, Miller, Brown, Williams, Taylor, Johnson, Davies, Wilson, Evans, Thomas, Roberts, Walker, Wright, Robinson, Thompson, White, Hughes, Edwards, Green",
)

/** Given name -> nicknames people really go by (and sources write instead). */
export const NICKNAMES: Readonly<Record<string, ReadonlyArray<string>>> = {
  Robert: ["Bob", "Rob", "Bobby"],
  William: ["Bill", "Will", "Billy"],
  Katherine: ["Kate", "Kathy", "Katie"],
  Elizabeth: ["Liz", "Beth", "Lizzie"],
  James: ["Jim", "Jamie"],
  Michael: ["Mike", "Mick"],
  Thomas: ["Tom", "Tommy"],
  Richard: ["Rick", "Rich", "Dick"],
  Margaret: ["Maggie", "Peggy", "Meg"],
  Jennifer: ["Jen", "Jenny"],
  Christopher: ["Chris"],
  Daniel: ["Dan", "Danny"],
  Alexander: ["Alex", "Sandy"],
  Nicholas: ["Nick"],
  Jonathan: ["Jon", "Jonny"],
  Matthew: ["Matt"],
  Anthony: ["Tony"],
  Joseph: ["Joe"],
  Edward: ["Ed", "Ted", "Eddie"],
  Samuel: ["Sam"],
  Benjamin: ["Ben"],
  Andrew: ["Andy", "Drew"],
  Patricia: ["Pat", "Trish"],
  Susan: ["Sue", "Susie"],
  Deborah: ["Deb", "Debbie"],
  Rebecca: ["Becky", "Becca"],
  Victoria: ["Vicky", "Tori"],
  Abigail: ["Abby"],
  Eleanor: ["Ellie", "Nell"],
  Charlotte: ["Lottie", "Charlie"],
  Henry: ["Harry", "Hal"],
  Charles: ["Charlie", "Chuck"],
  Olivia: ["Liv"],
  Jessica: ["Jess"],
  Samantha: ["Sam"],
  Maximilian: ["Max"],
  Sebastian: ["Seb", "Basti"],
  Tobias: ["Tobi"],
  Katharina: ["Kathi", "Katja"],
  Johannes: ["Hannes", "Jo"],
  Matthias: ["Matze"],
  Francisco: ["Paco", "Fran"],
  José: ["Pepe"],
  Alejandro: ["Álex"],
  Giuseppe: ["Beppe", "Peppe"],
  Francesca: ["Fra"],
  Alessandro: ["Sandro", "Ale"],
  Krzysztof: ["Krzysiek"],
  Małgorzata: ["Gosia"],
  Wojciech: ["Wojtek"],
  Katarzyna: ["Kasia"],
  Aleksandr: ["Sasha"],
  Dmitri: ["Dima"],
  Ekaterina: ["Katya"],
  Natalia: ["Natasha"],
  Mikhail: ["Misha"],
  Anastasia: ["Nastya"],
  Oluwaseun: ["Seun"],
  Babajide: ["Jide"],
  Chukwuemeka: ["Emeka"],
  Funmilayo: ["Funmi"],
  Ifeanyi: ["Ify"],
  Temitope: ["Temi"],
  Mohammed: ["Mo"],
  Konstantinos: ["Kostas"],
  Dimitrios: ["Dimitris"],
  Nikolaos: ["Nikos"],
  Georgios: ["Giorgos"],
}

/** Academic and professional credentials some people add after their name. */
export const CREDENTIALS = split("PhD, MBA, CFA, MD, PMP, FCA, CPA, MSc")

const GERMAN: Readonly<Record<string, string>> = {
  ä: "ae",
  ö: "oe",
  ü: "ue",
  ß: "ss",
  Ä: "Ae",
  Ö: "Oe",
  Ü: "Ue",
}
const SPECIAL: Readonly<Record<string, string>> = {
  ß: "ss",
  ø: "o",
  Ø: "O",
  ł: "l",
  Ł: "L",
  æ: "ae",
  Æ: "Ae",
  đ: "d",
  Đ: "D",
  ı: "i",
  œ: "oe",
  "\u2019": "'",
}

/** Strips diacritics (Groß -> Gross, Chloé -> Chloe, Łukasz -> Lukasz). */
export const stripDiacritics = (s: string): string =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßøØłŁæÆđĐıœ\u2019]/g, (c) => SPECIAL[c] ?? c)

/** German-style transliteration (Jürgen -> Juergen, Müller -> Mueller), then strips the rest. */
export const transliterate = (s: string): string =>
  stripDiacritics(s.replace(/[äöüßÄÖÜ]/g, (c) => GERMAN[c] ?? c))

/** True when the text has any non-ASCII letter. */
export const hasDiacritics = (s: string): boolean => /[^\x20-\x7e]/.test(s)

/** One realistic typo: a swapped pair (Jonhson), a dropped letter (Tompson) or a doubled one. */
export const typo = (rng: Random, s: string): string => {
  if (s.length < 4) return s
  const i = rng.int(1, s.length - 2)
  switch (rng.int(0, 3)) {
    case 0:
      return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
    case 1:
      return s.slice(0, i) + s.slice(i + 1)
    default:
      return s.slice(0, i) + s[i] + s.slice(i)
  }
}

const slugs = new Map<string, string>()

/** Lower-case ASCII with only letters and digits (for e-mail locals, handles and slugs). */
export const slug = (s: string): string => {
  let out = slugs.get(s)
  if (out === undefined) {
    out = transliterate(s)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
    // Names come from small pools, so the cache stays small; company slugs are bounded too.
    slugs.set(s, out)
  }
  return out
}

const COMPANY_PREFIXES = split(
  "Northwind, Fabrikam, Contoso, Tailspin, Adatum, Litware, Proseware, Woodgrove, Wingtip, Lucerne, Coho, Trey, Alpine, Bluefin, Larkspur, Halden, Kessler, Ardmore, Tidewater, Brightpath, Kaito, Aubert, Verdi, Ashgrove, Blackthorn, Cobalt, Driftwood, Emberly, Foxglove, Granite, Harbour, Ironbridge, Juniper, Kestrel, Lindenhall, Marlow, Nettlefield, Oakridge, Pemberton, Quarry, Redwater, Saltmarsh, Thistle, Umber, Vantage, Willowmere, Yarrow, Zephyr, Ashcombe, Birchwood, Cairn, Dunmore, Elmstead, Fernhill, Glenrock, Hawthorn, Isling, Kingsmere, Lowther, Moorland, Northgate, Orchardly, Pinecrest, Quayside, Stonebridge, Tamarind, Upland, Valemont, Westbrook, Yewtree, Amberley, Brackenridge, Copperleaf, Deepwell, Eastwick, Foxhollow, Greystone, Highmoor, Ivywood, Kingfisher, Lakemont, Millbrook, Nightingale, Oldcastle, Primrose, Rookwood, Silverbirch, Tollgate, Underhill, Vinewood, Whitecliff, Ashvale, Bramblewood, Cedarline, Dovecote, Eaglecrest, Fairhaven, Goldcrest, Heatherfield, Inglewood, Kilnworth, Lynwood, Meadowbank, Larchmont, Ravensholt, Sundial",
)
const COMPANY_SUFFIXES = split(
  "Analytics, Labs, Logistics, Partners, Health, Studio, Systems, Foods, Capital, Robotics, Design, Pharma, Energy, Media, Consulting, Software, Bank, Insurance, Retail, Freight, Ventures, Games, Architects, Engineering, Research, Networks, Biotech, Motors, Publishing, Education, Security, Solutions, Group, Holdings, Mobility, Outdoor, Coffee, Legal, Telecom, Aerospace",
)

/** An invented employer with its e-mail domain. */
export interface Company {
  readonly name: string
  readonly domain: string
}

/** `count` distinct invented companies (at most prefixes x suffixes), in a seed-dependent order. */
export const companies = (rng: Random, count: number): ReadonlyArray<Company> => {
  const total = COMPANY_PREFIXES.length * COMPANY_SUFFIXES.length
  const n = Math.min(count, total)
  // Walk the prefix x suffix grid with a stride coprime to its size: distinct pairs, no shuffle.
  let stride = rng.int(1, total)
  while (gcd(stride, total) !== 1) stride++
  const start = rng.int(0, total)
  const out: Array<Company> = []
  for (let k = 0; k < n; k++) {
    const cell = (start + k * stride) % total
    const prefix = COMPANY_PREFIXES[cell % COMPANY_PREFIXES.length]!
    const suffix = COMPANY_SUFFIXES[Math.floor(cell / COMPANY_PREFIXES.length)]!
    out.push({ name: `${prefix} ${suffix}`, domain: `${slug(prefix)}-${slug(suffix)}.example` })
  }
  return out
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** Job titles. */
export const TITLES = split(
  "Software Engineer, Senior Software Engineer, Staff Engineer, Engineering Manager, Data Scientist, Data Engineer, Product Manager, Senior Product Manager, Product Designer, UX Researcher, Head of Data, CTO, CEO, COO, CFO, Founder, Co-founder, Marketing Manager, Sales Director, Account Executive, Recruiter, Talent Partner, Operations Manager, Project Manager, Business Analyst, Consultant, Senior Consultant, Partner, Associate, Analyst, Research Scientist, Principal Scientist, Lecturer, Professor, Solicitor, Architect, Nurse, Clinical Lead, Teacher, Journalist, Editor, Producer, Creative Director, Art Director, Logistics Director, Procurement Manager, Finance Manager, Customer Success Manager, Developer Advocate, Security Engineer",
)

/** Cities per country. */
export const CITIES: Readonly<Record<Country, ReadonlyArray<string>>> = {
  GB: split(
    "London, Manchester, Bristol, Leeds, Birmingham, Edinburgh, Glasgow, Cardiff, Brighton, Oxford, Cambridge",
  ),
  US: split("New York, San Francisco, Boston, Denver, Seattle, Austin, Chicago, Atlanta"),
  DE: split("Berlin, Munich, Hamburg, Stuttgart, Cologne, Frankfurt"),
  FR: split("Paris, Lyon, Marseille, Toulouse, Nantes, Lille"),
  AU: split("Sydney, Melbourne, Brisbane, Perth, Adelaide"),
}

/** Words for pseudonymous handles (quietfox_42). */
export const HANDLE_ADJECTIVES = split(
  "quiet, brave, lazy, cosmic, silver, tiny, rusty, sleepy, lucky, wild, misty, urban, pixel, neon, paper, velvet, amber, crimson, salty, fuzzy, analog, hidden, polar, sunny",
)
/** Nouns for pseudonymous handles. */
export const HANDLE_NOUNS = split(
  "fox, owl, otter, badger, heron, comet, kettle, lantern, fern, pebble, moth, teapot, robot, wren, falcon, maple, walrus, cactus, nebula, biscuit, raven, tortoise, koala, squid",
)
