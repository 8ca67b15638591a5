/**
 * Blackbook's own nickname table, written for this project from general knowledge of given names
 * (not derived from any published list). One group per line: the formal name first, then its
 * spelling variants and the short forms people go by. Names are folded (lower-case ASCII, no
 * diacritics: Jürgen is written jurgen, with juergen as the transliterated spelling). A short form
 * may sit in several groups (al: albert, alan, alfred, alexander).
 */
const table = `
# English, female
abigail abby abbie abbey gail nabby
ada addie
adelaide addie adele heidi della
adeline addie adele addy
agatha aggie
agnes aggie nessa nessie ness
alberta bertie berta
alexandra alex alexa lexi lexie sandra sandy sasha alix xandra
alice ally allie alys
alicia ali allie lisa licia
allison alison ally allie ali
amanda mandy manda
amelia amy millie mia melia
anastasia stacy stacey stasia tasia ana nastya nastia asya
andrea andi andie
angela angie angel
angelina angie lina
ann anne anna annie nan nancy nanette annette anja nina
antoinette toni netta nettie
arabella bella belle
audrey audie
barbara barb barbie babs bobbie babsi
beatrice bea trixie beatrix bee
belinda linda bel
bernadette bernie detta
beverly bev
bridget biddy bridie bridgette brigid
camilla millie cammie milla
candace candy candice
caroline carol carrie caro lina carolina
carolyn carol carrie lyn
cassandra cassie cass sandy
catherine katherine kathryn katharine katharina catharina catarina caterina kate katie katy kathy cathy cathie kat kath kitty kay kit cate kathi kati kaethe kathe trina katrina kasia katya katia
cecilia cissy cece celia sissy cecily
charlene charlie
charlotte charlie lottie lotte char lotta
christina christine kristina kristine cristina christiane chris chrissy chrissie tina kristin kris christa kirsten
clementine clem clemmie
constance connie
cornelia connie conny nele
cynthia cindy
daniela daniella danielle dani ella
deborah debra debbie debby deb
delores dolores lola lolita dee loles
diana diane di
dorothy dorothea dot dottie dolly dora doro thea
edith edie
eleanor elinor eleanore leonora ellie nell nellie nora elle lenore
elizabeth elisabeth elisabetta elizabetha liz lizzie lizzy beth betty betsy bess bessie eliza lisa libby elise elsie ellie lilibet ilse liesl lies liese lisbeth lise babette betta elsa
ellen nell nellie ellie
emily em emmy millie
emma em emmy
ernestine ernie tina
esther essie hetty
eugenia gene genie
evangeline eva vangie
evelyn eve evie
florence flo flossie
frances fran frannie fanny frankie
franziska franzi fanny
gabrielle gabriela gabriella gabby gabi gaby brie
genevieve gen genny
geraldine gerry jerry deena
gertrude gertrud gertie trudy trudi trude
gwendolyn gwen wendy
harriet hattie hatty
helen helena helene nell nellie lena lene
henrietta etta hettie retta
hildegard hilde hildi
isabel isabella isabelle isobel izzy izzie bella belle isa
jacqueline jackie jacqui
jane janey janie jenny
janet jan jenny jessie
jennifer jen jenny jenn jenni
jessica jess jessie jessi
joan joanie
joanna joanne jo jojo
josephine jo josie fifi
josefa pepa fina
judith judy jude
julia julie jules
kimberly kim kimmy
lavinia vinnie
lillian lily lil lilly
lorraine lori
louise louisa lou lulu
lucinda cindy lucy
lucy lucie lu
madeline madeleine madelyn madeline maddie maddy madge
madison maddie maddy
magdalena magdalene magda lena leni maddy
margaret margarete margarethe margarita marguerite margherita maggie meg peggy peg marge margie madge greta grete gretel gretchen daisy mags maisie rita margot margaux gosia malgorzata
marjorie marge margie madge
martha marty mattie patty
mary maria marie molly polly mae mamie mimi masha mari
matilda mathilde tilda tillie mattie maud
megan meg
melissa mel missy lissa
michelle michele shelly mich
mildred millie
millicent millie
miriam mimi mim
natalie nathalie natalia nat natty talia nata natasha
natasha tasha nat
nicole nikki nicki nic
olivia liv livvy ollie
pamela pam
patricia pat patty patsy tricia trish trisha
penelope penny pen
philippa pippa pip
priscilla cilla prissy
prudence prue pru
rebecca becky becca reba bex
roberta bobbie robbie bertie
rosalind ros rosie
rose rosie rosa
rosemary rosemarie rose rosie romy rosi
roxanne roxy
samantha sam sammy
sarah sara sally sadie
sophia sophie sofia
stephanie stefanie steph stevie steffi
susan susanna susannah susanne suzanne sue susie suzy suse sanna
tabitha tabby
theresa teresa therese theresia terri terry tess tessa resi tere
ulrike uli ulli rike
valerie val
veronica veronika ronnie ronni vero
victoria vicky vickie tori vic
virginia ginny ginger
vivian vivienne viv
winifred winnie freda
yvonne vonnie
# English, male
aaron ron ronnie
abraham abe abram bram
adam addy
adrian ade
alan allan allen al
albert al bert bertie albie
alexander alex alec alek sandy xander lex sasha sacha sascha sandro
alfred alf alfie fred freddie al
alfonso alphonso al fonzie poncho
ambrose brose
andrew andy drew
andreas andi andy anderl
anthony tony ant
anton toni
archibald archie
arnold arnie
arthur art artie
august augustus gus augie
augustine gus austin
barnabas barney
bartholomew bart
benedict ben benny
benjamin ben benny benji benjie
bernard bernhard bernd bernie barney
bertram bert bertie
bradley brad
brian bryan bri
calvin cal
cameron cam
charles charlie chuck chas chaz chip
christian chris christy kris
christopher christoph christophe kristopher chris kit topher kris
clarence clare
clement clem
clifford cliff
cornelius neil neal corny con kees
cyril cy
cyrus cy
daniel dan danny
david dave davy davey
delbert del bert
dennis denis denny
desmond des dez
dominic dominik dominique dom
donald don donnie donny
douglas doug dougie
edgar ed eddie ned
edmund ed eddie ned ted
edward ed eddie ted teddy ned
edwin ed eddie
elbert bert
elijah eli
emmanuel manu manny
ernest ernie
eugene gene
ezekiel zeke
francis frank frankie fran
franklin frank
franz franzl
frederick frederic friedrich fred freddie freddy fritz friedel
gabriel gabe gabi
geoffrey jeffrey jeff geoff
george georgie
gerald gerry jerry
gerard gerry
gerhard gerd
gilbert gil bert
gottfried friedel gotti
gregory greg
harold harry hal
harrison harry
henry henri heinrich harry hank hal heinz heini hinnerk henk hendrik
herbert herb bert herbie
howard howie
hubert hugh bert hubie
hugh hughie
ignatius iggy
isaac ike
isidore izzy
jackson jack jax
jacob jakob jake
james jim jimmy jamie jimbo jem
jasper jas
jeremiah jerry jeremy
jeremy jerry jem
jerome jerry
johann johannes hans hannes jo jan hansi
john jack johnny jon jonny
jonathan jon jonny jonno nate
joseph josef joe joey jo jos sepp seppl
joshua josh
julian jules
kenneth ken kenny
lawrence laurence larry laurie lorenz
leonard leo len lenny
leopold leo poldi
lucas lukas luke
louis lou louie
ludwig lutz lu
malcolm mal
mark marc marcus markus
martin marty
matthew matt matty
matthias mathias matze hias
maximilian max maxi
maxwell max
melvin mel
michael mike mick mickey micky mikey michi mischa misha
mitchell mitch
montgomery monty
moses mo moe
nathan nate nat
nathaniel nat nate
nicholas nicolas nikolaus niklas nick nicky nico niko klaus claus
norbert bert norb
norman norm
oliver ollie olly
patrick pat paddy
percival percy
peter pete pieter piet
philip phillip philipp philippe phil pip
raymond ray
reginald reg reggie
richard rich rick ricky dick dickie richie
robert bob bobby rob robbie robby bert bertie
roderick rod rick roddy
rodney rod
roger rog
ronald ron ronnie
rudolph rudolf rudy rudi dolf
russell russ rusty
samuel sam sammy
sebastian seb bas basti sebas
sidney sydney sid
solomon sol
stanley stan
stephen steven stephan stefan steffen steve stevie steph
stuart stewart stu
sylvester sly syl
terence terrence terry
thaddeus tad thad
theodore ted teddy theo
thomas tomas tom tommy thom
timothy tim timmy
tobias toby tobi
tyler ty
valentine val
vincent vince vinny vin
walter walt wally
wallace wally
wilfred wilf fred
wilhelm willi willy wim
william bill will billy willy liam willie wil wills
winston win winnie
zachary zachariah zach zack zak
zebulon zeb
# German
dietrich dieter didi
detlef detlev
eberhard ebi
heinrich heinz
joachim achim jochen
jurgen juergen jorgen
georg jorg joerg schorsch
ulrich uli ulli
wolfgang wolf wolfi
# French
benoit ben
emmanuelle manu
francois fanfan
jacques jacquot jacky
jean jeannot
jeanne jeannette jeannine
pierre pierrot
stephane steph
# Spanish
alejandro alex ale jandro
alberto beto tito
alfredo fredo freddy
carlos carlitos charly
concepcion concha conchita
consuelo chelo
eduardo edu lalo
enrique quique kike
federico fede
fernando nando fer
francisco paco pancho curro fran cisco quico
gonzalo gonza chalo
guadalupe lupe lupita
guillermo memo guille
ignacio nacho inaki
javier javi
jesus chucho chuy
jose pepe pepito chepe
juan juanito juancho
luis lucho
manuel manolo manu lolo
mercedes merche meche
pilar pili
rafael rafa rafi
ramon moncho
ricardo rico richi
roberto beto robi
rosario charo chayo
salvador chava salva
santiago santi chago yago
vicente chente
# Italian
alessandra sandra ale
alessandro sandro ale alex
antonio tonio tonino toto nino tony toni
benedetta betta
caterina cate rina
domenico mimmo
emanuele manu lele
francesca franci cesca
francesco franco checco cesco ciccio
gabriele lele gabri
giacomo mino
giorgio gio
giovanni gianni nanni vanni
giulia giuli
giuseppe peppe beppe pino peppino beppo giusi
giuseppina pina peppina giusi
lorenzo renzo enzo
luigi gino gigi
massimiliano max massi
raffaele lele raffa
salvatore toto turi salva
stefano ste
vincenzo enzo cenzo
# Dutch and Scandinavian
cornelis kees
gerardus gerard gert
hendrik henk
jacobus koos sjaak
willem wim
# Russian and Polish
agnieszka aga
aleksandr alexandr aleksander sasha shura sanya
aleksandra ola
aleksei alexei alexey lyosha alyosha
andrei andrey andryusha
boris borya
dmitri dmitry dmitrii dima mitya
ekaterina yekaterina katya katia
evgeny yevgeny evgeni zhenya
grigory grisha
ivan vanya
katarzyna kasia
konstantin kostya
krzysztof krzys
lyudmila lyuda mila
mikhail misha
nikolai kolya
olga olya
pavel pasha
sergei sergey seryozha serezha
stanislaw staszek stas
svetlana sveta
tatiana tatyana tanya
vladimir vova volodya vlad
wojciech wojtek
yuri yura
`

/** Every group as read from the table: the formal name first. */
export const groups: ReadonlyArray<ReadonlyArray<string>> = table
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"))
  .map((line) => [...new Set(line.split(/\s+/))])
