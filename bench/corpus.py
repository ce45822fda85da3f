"""A deterministic synthetic library of news-like articles for kimreader's benchmarks.

    python bench/corpus.py 20000 /tmp/lib20k [--html-share 0.25] [--seed 0]

Articles are built from sentence templates and topic word lists (politics, economy, diplomacy,
technology, sport). Every word list is sampled with Zipf weights by rank, so search terms range
from very common to rare. Article i depends only on (i, seed): the same arguments give
byte-identical files on any machine (string seeds hash with SHA-512; nothing reads the clock).
"""

from __future__ import annotations

import argparse
import html
import math
import os
import random
import re
import time
from bisect import bisect
from collections.abc import Sequence
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from kimreader.corpus.frontmatter import dump_front_matter

WORDS_MIN, WORDS_MAX = 500, 1200
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2025, 12, 31)


class Zipf:
    """Picks items with weight 1/rank**exponent: list order is frequency order."""

    __slots__ = ("items", "bounds", "total")

    def __init__(self, items: Sequence[Any], exponent: float = 1.0) -> None:
        self.items = tuple(items)
        cum = list(accumulate(1.0 / (rank**exponent) for rank in range(1, len(items) + 1)))
        # Upper bounds of all but the last item: bisect then always lands on a valid index.
        self.bounds, self.total = cum[:-1], cum[-1]

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect(self.bounds, rng.random() * self.total)]


def _words(text: str) -> list[str]:
    """A word list written one entry per line or separated by '|' (entries may hold spaces)."""
    return [w.strip() for w in re.split(r"[|\n]", text) if w.strip()]


# ---------------------------------------------------------------- people, places, organisations

FIRST_NAMES = _words("""
Maria|David|Min-jun|Wei|Amina|James|Ji-woo|Sarah|Chinedu|Anna|Li|Thomas|Fatima|Daniel|Seo-yeon
Elena|Mohammed|Hannah|Kenji|Laura|Oluwaseun|Michael|Priya|Jun|Sofia|Ahmed|Claire|Hyun-woo|Grace
Lukas|Mei|Samuel|Nadia|Tae-yang|Julia|Ibrahim|Emma|Rahul|Yuki|Peter|Ngozi|Carlos|Ingrid|Joon-ho
Aisha|Felix|Xiaoling|Omar|Katarzyna|Adebayo|Rosa|Haruto|Leila|Mateo|Chiara|Dmitri|Zanele|Arjun
Beatriz|Henrik|Yusuf|Camille|Kwame|Astrid|Tariq|Marguerite|Obinna|Svetlana|Ravi|Isabel|Taro
Nomvula|Gustavo|Ewa|Bongani|Ayumi|Farid|Liesel|Chidi|Tomasz|Ximena|Dong-hyun|Anneliese|Babajide
""")
SURNAMES = _words("""
Kim|Lee|Park|Chen|Wang|Smith|Okafor|Mueller|Choi|Zhang|Tanaka|Nguyen|Adeyemi|Schmidt|Jung|Liu
Garcia|Kang|Tan|Huang|Williams|Cho|Yoon|Sato|Okonkwo|Fischer|Lim|Brown|Rossi|Han|Ng|Nakamura|Singh
Dubois|Oh|Mensah|Weber|Suzuki|Zhao|Lindqvist|Bello|Novak|Shin|Kowalski|Martin|Ong|Haddad|Ito|Silva
Becker|Nwosu|Yamamoto|Ivanova|Petrov|Seo|Kruger|Goh|Moreau|Banerjee|Hoffmann|Eze|Takahashi|Wu
Kariuki|Sandoval|Hwang|Petersen|Abubakar|Kobayashi|Leclerc|Otieno|Wojcik|Ferreira|Yilmaz|Moyo
Bergstrom|Chaudhry|Ahn|Castellano|Oyelaran|Hashimoto|Delacroix|Achterberg|Nakagawa|Vasquez|Teo
Balogun|Richter|Sorensen|Jankowski|Mbeki|Iwasaki|Galloway|Obi|Marchetti|Ekwueme|Lau|Strand|Quist
Fontaine|Dlamini|Soh|Varga|Amadi|Halvorsen|Nieminen|Yeo|Oduya|Brennan|Kaczmarek|Hakimi|Fujimoto
Anyanwu|Lachance|Zielinski|Sekibo|Thorsen|Pham|Ogunleye|Rinaldi|Madaki|Oyelowo|Takeda|Wessely
""")
# (full name, short name for later mentions, role)
LEADERS = [
    ("Kim Jong Un", "Kim", "the North Korean leader"),
    ("Xi Jinping", "Xi", "China's leader"),
    ("Moon Jae-in", "Moon", "the former South Korean president"),
    ("Yoon Suk Yeol", "Yoon", "the South Korean president"),
    ("Emmanuel Macron", "Macron", "the French president"),
    ("Olaf Scholz", "Scholz", "the German chancellor"),
    ("Narendra Modi", "Modi", "India's prime minister"),
    ("Fumio Kishida", "Kishida", "the Japanese prime minister"),
    ("Antonio Guterres", "Guterres", "the UN secretary-general"),
    ("Ursula von der Leyen", "von der Leyen", "the European Commission president"),
    ("Bola Tinubu", "Tinubu", "Nigeria's president"),
    ("Lee Hsien Loong", "Lee", "Singapore's prime minister"),
    ("Joe Biden", "Biden", "the US president"),
    ("Vladimir Putin", "Putin", "the Russian president"),
    ("Cyril Ramaphosa", "Ramaphosa", "South Africa's president"),
    ("Luiz Inacio Lula da Silva", "Lula", "Brazil's president"),
    ("Angela Merkel", "Merkel", "the former German chancellor"),
    ("Kim Yo Jong", "Kim", "a senior North Korean official"),
    ("Wang Yi", "Wang", "China's top diplomat"),
    ("William Ruto", "Ruto", "Kenya's president"),
]
# (city, country, nationality adjective)
PLACES = [
    ("Seoul", "South Korea", "South Korean"),
    ("Beijing", "China", "Chinese"),
    ("Singapore", "Singapore", "Singaporean"),
    ("Lagos", "Nigeria", "Nigerian"),
    ("Berlin", "Germany", "German"),
    ("Tokyo", "Japan", "Japanese"),
    ("Pyongyang", "North Korea", "North Korean"),
    ("Washington", "the United States", "American"),
    ("London", "Britain", "British"),
    ("Brussels", "Belgium", "Belgian"),
    ("Paris", "France", "French"),
    ("New Delhi", "India", "Indian"),
    ("Nairobi", "Kenya", "Kenyan"),
    ("Shanghai", "China", "Chinese"),
    ("Busan", "South Korea", "South Korean"),
    ("Jakarta", "Indonesia", "Indonesian"),
    ("Johannesburg", "South Africa", "South African"),
    ("Geneva", "Switzerland", "Swiss"),
    ("Hong Kong", "China", "Hong Kong"),
    ("Abuja", "Nigeria", "Nigerian"),
    ("Frankfurt", "Germany", "German"),
    ("Hanoi", "Vietnam", "Vietnamese"),
    ("Sydney", "Australia", "Australian"),
    ("Manila", "the Philippines", "Philippine"),
    ("Moscow", "Russia", "Russian"),
    ("Sao Paulo", "Brazil", "Brazilian"),
    ("Accra", "Ghana", "Ghanaian"),
    ("Stockholm", "Sweden", "Swedish"),
    ("Warsaw", "Poland", "Polish"),
    ("Osaka", "Japan", "Japanese"),
    ("Incheon", "South Korea", "South Korean"),
    ("Kuala Lumpur", "Malaysia", "Malaysian"),
    ("Addis Ababa", "Ethiopia", "Ethiopian"),
    ("Vienna", "Austria", "Austrian"),
    ("Taipei", "Taiwan", "Taiwanese"),
    ("Ulaanbaatar", "Mongolia", "Mongolian"),
    ("Dakar", "Senegal", "Senegalese"),
    ("Oslo", "Norway", "Norwegian"),
    ("Kaesong", "North Korea", "North Korean"),
    ("Shenzhen", "China", "Chinese"),
]
INSTITUTIONS = _words("""
Seoul National University|Peking University|the National University of Singapore
the University of Lagos|the Humboldt University of Berlin|the London School of Economics
Sciences Po|the University of Tokyo|Korea University|Yonsei University|Tsinghua University
the University of Cape Town|the Asan Institute|the University of Nairobi|Chatham House
the Brookings Institution|the Lowy Institute|Fudan University
the Carnegie Endowment for International Peace|the Korea Institute for National Unification
the Kiel Institute for the World Economy|Nanyang Technological University|the University of Ghana
the Stimson Center|Kyung Hee University|the Centre for Strategic and International Studies
the Stockholm International Peace Research Institute|Ewha Womans University
the University of Ibadan
""")
EXPERT_ROLES = _words("""
a professor of economics|a professor of international relations|a senior fellow|an analyst
a political scientist|a research fellow|an associate professor of political science
a lecturer in law|a professor of computer science|a senior economist|a researcher
a professor of sports management|a former diplomat now teaching|a visiting scholar
the director of Asian studies
""")
OFFICIAL_TITLES = _words("""
Foreign Minister|Finance Minister|Trade Minister|Deputy Prime Minister|Unification Minister
Defence Minister|Interior Minister|Science Minister|Sports Minister|Central Bank Governor
Ambassador|Senator|Mayor|Governor|Spokesperson|Chief Negotiator|Commissioner|Secretary
""")
GENERAL_ORGS = _words("""
the United Nations|the International Monetary Fund|the World Bank|the European Union
the African Union|the Association of Southeast Asian Nations|the World Trade Organization
the Bank of Korea|the European Central Bank|the Asian Development Bank
the International Atomic Energy Agency|the Group of 20
the Organisation for Economic Co-operation and Development|the Federal Reserve
the People's Bank of China|the Bank of Japan|the Central Bank of Nigeria
the Monetary Authority of Singapore|the World Health Organization
the International Olympic Committee|FIFA|the UN Security Council|Hanbit Semiconductor
Meridian Capital|Daewon Heavy Industries|Harmattan Free Zone Authority|Nordlicht Energie
Orchid Telecom|Kestrel Logistics|Baobab Fintech|Jade River Motors|Sokoban Robotics
""")
OUTLETS = [
    ("The Meridian Post", "meridianpost.com"),
    ("Harbour Times", "harbourtimes.co.uk"),
    ("Pacific Wire", "pacificwire.net"),
    ("Korea Daily Ledger", "koreadailyledger.kr"),
    ("The Lagos Courier", "lagoscourier.ng"),
    ("Berliner Rundschau English", "rundschau-english.de"),
    ("Straits Observer", "straitsobserver.sg"),
    ("Continental Review", "continentalreview.com"),
    ("The Global Dispatch", "globaldispatch.org"),
    ("Asia Business Journal", "asiabusinessjournal.com"),
    ("The Evening Chronicle", "eveningchronicle.com"),
    ("Northern Star Tribune", "northernstartribune.com"),
    ("East Sea Monitor", "eastseamonitor.kr"),
    ("The Sunday Sentinel", "sundaysentinel.co.za"),
    ("Sport Weekly International", "sportweekly.international"),
    ("TechPulse News", "techpulse.news"),
]

# ---------------------------------------------------------------- vocabulary by topic

TOPICS: dict[str, dict[str, list[str]]] = {
    "politics": {
        "nouns": _words("""
government|election|parliament|party|vote|bill|opposition|campaign|reform|cabinet|coalition|policy
budget|lawmakers|constitution|voters|leadership|committee|inquiry|majority|candidate|referendum
scandal|assembly|amendment|protest|ballot|turnout|mandate|legislation|corruption|rally|polling
senate|manifesto|constituency|succession|impeachment|veto|caucus|electorate|primaries|recount
ombudsman|filibuster|by-election|gerrymandering|censure|prorogation|plebiscite|incumbency
patronage
"""),
        "adjs": _words("""
ruling|political|controversial|narrow|sweeping|contested|landmark|interim|conservative|liberal
bipartisan|provisional|embattled|populist|centrist|opposition-led|unpopular|snap|hard-fought
"""),
        "verbs": _words("""
approved|rejected|proposed|announced|defended|criticised|blocked|passed|delayed|unveiled
challenged|endorsed|postponed|overturned|debated|scrapped|tabled|ratified|vetoed|filibustered
"""),
        "tverbs": _words("""
wins|loses|calls|faces|backs|rejects|passes|delays|survives|unveils|blocks|defends
"""),
    },
    "economy": {
        "nouns": _words("""
inflation|growth|exports|interest rates|economy|prices|investment|markets|unemployment|wages
currency|tariffs|output|debt|manufacturing|consumers|shares|bond yields|deficit|supply chains
recession|stimulus|credit|earnings|housing market|oil prices|retail sales|productivity|index
commodities|remittances|subsidies|liquidity|dividends|bankruptcy|mortgages|shipping rates
devaluation|austerity|stagflation|arbitrage|securitisation|forex reserves|capital controls
"""),
        "adjs": _words("""
economic|weak|strong|annual|quarterly|slowing|rising|falling|record|stubborn|volatile|sluggish
robust|fragile|fiscal|monetary|inflationary|cyclical|speculative|deflationary
"""),
        "verbs": _words("""
raised|cut|lowered|revised|reported|forecast|tightened|eased|held|doubled|warned about|trimmed
upgraded|downgraded|slashed|maintained|flagged|priced in|underwrote|stabilised
"""),
        "tverbs": _words("""
raises|cuts|holds|slows|rebounds|surges|slumps|warns on|beats|misses|doubles|freezes
"""),
    },
    "diplomacy": {
        "nouns": _words("""
talks|summit|sanctions|relations|agreement|security|delegation|envoy|negotiations|alliance
ceasefire|treaty|dialogue|border|embassy|nuclear programme|missile test|resolution|visit
peace process|accord|denuclearisation|communique|military drills|hotline|humanitarian aid|refugees
blockade|demilitarised zone|joint statement|armistice|consulate|extradition|detente|backchannel
rapprochement|demarche|persona non grata|sanctions regime|airspace|exclusion zone
"""),
        "adjs": _words("""
diplomatic|bilateral|regional|military|nuclear|joint|multilateral|tense|strategic|historic|fragile
unprecedented|high-level|informal|reciprocal|punitive|confidential
"""),
        "verbs": _words("""
condemned|welcomed|proposed|signed|discussed|rejected|resumed|suspended|hosted|brokered
reaffirmed|endorsed|criticised|backed|postponed|announced|defended|dismissed|downgraded|mediated
"""),
        "tverbs": _words("""
meets|warns|signs|condemns|urges|resumes|suspends|hosts|expels|rejects|pledges|courts
"""),
    },
    "technology": {
        "nouns": _words("""
technology|chips|artificial intelligence|data|software|smartphones|platform|semiconductors
startups|cybersecurity|cloud computing|privacy|networks|batteries|electric vehicles|regulation
satellites|algorithms|data centres|encryption|robotics|broadband|quantum computing|hackers
chipmakers|users|app|servers|microchips|lithography|ransomware|firmware|telemetry|wafers
biometrics|exascale|photonics|neuromorphic chips|edge computing|fibre optics|open-source code
"""),
        "adjs": _words("""
digital|new|online|advanced|autonomous|generative|mobile|smart|secure|experimental|wireless|open
proprietary|encrypted|cutting-edge|low-power|next-generation|decentralised
"""),
        "verbs": _words("""
launched|released|developed|acquired|unveiled|tested|banned|hacked|patched|upgraded|licensed
invested in|shipped|recalled|deployed|open-sourced|benchmarked|throttled|encrypted|rolled out
"""),
        "tverbs": _words("""
launches|unveils|buys|bans|tests|recalls|ships|hacks|upgrades|delays|wins|loses
"""),
    },
    "sport": {
        "nouns": _words("""
match|season|team|coach|title|final|league|championship|players|goal|tournament|fans|squad|win
striker|victory|stadium|medal|record|defeat|captain|goalkeeper|transfer|injury|marathon|World Cup
Olympics|semi-final|derby|penalty|relegation|qualifier|hat-trick|podium|sprint|rematch|playoffs
equaliser|clean sheet|stoppage time|free kick|doping case|velodrome|decathlon|bobsleigh|curling
"""),
        "adjs": _words("""
final|home|away|defending|unbeaten|injured|young|veteran|dramatic|late|decisive|record-breaking
promoted|relegated|stunning|scrappy|world-class
"""),
        "verbs": _words("""
won|lost|reached|clinched|missed|retained|dominated|secured|conceded|saved|broke|claimed
defended|celebrated|squandered|qualified for|crashed out of|sealed|salvaged|overturned
"""),
        "tverbs": _words("""
wins|beats|stuns|signs|sacks|clinches|loses|reaches|breaks|retains|exits|edges
"""),
    },
}
TOPIC_WEIGHTS = {"politics": 26, "economy": 24, "diplomacy": 22, "technology": 16, "sport": 12}
TOPIC_FIELD = {
    "politics": "politics",
    "economy": "economics",
    "diplomacy": "international relations",
    "technology": "computer science",
    "sport": "sports management",
}

GENERAL_NOUNS = _words("""
plan|decision|issue|statement|move|change|situation|risk|process|crisis|response|measure|programme
approach|debate|strategy|question|agenda|deadline|outcome|signal|trend|threat|opportunity|report
challenge|priority|scheme|proposal|warning|compromise|framework|initiative|dispute|review|pledge
setback|turning point|gamble|precedent|reversal|breakthrough|concession|standoff|backlash
""")
# Plural subjects: templates can say "{group} have ...".
GROUPS = _words("""
officials|people|analysts|critics|residents|experts|investors|workers|families|observers
authorities|diplomats|economists|voters|business leaders|commentators|activists|farmers|traders
lawyers|engineers|teachers|doctors|bankers|pensioners|executives|regulators|unions|shopkeepers
""")
DOCUMENTS = _words("report|study|assessment|review|survey|briefing|analysis|working paper")
MOVES = _words("""
rose|fell|climbed|slipped|jumped|slumped|surged|edged up|edged down|rebounded|tumbled|plunged
gained|dropped|steadied
""")
BEATS = _words("beat|defeated|edged|thrashed|stunned|outclassed|held|swept aside|overpowered")
GENERAL_ADJS = _words("""
new|major|local|national|international|public|recent|significant|key|possible|important|serious
long-term|clear|likely|growing|difficult|strong|careful|uncertain|direct|modest|unexpected|costly
bold|quiet|rare|symbolic|sharp|lasting
""")

# A long tail: each entry is rare, so searches for it select a handful of articles.
RARE_WORDS = _words("""
bellwether|tinderbox|quagmire|juggernaut|brinkmanship|kleptocracy|technocrat|malfeasance|largesse
windfall|boondoggle|moratorium|ultimatum|quorum|sinecure|cronyism|nepotism|appeasement|obfuscation
protectionism|mercantilism|hegemony|suzerainty|irredentism|partisanship|gridlock|stalemate|impasse
shortfall|overhang|glut|bottleneck|headwinds|tailwinds|contagion|spillover|backlog|hoarding
rationing|desalination|bauxite|cobalt|lithium|graphite|tungsten|manganese|rare earths|palladium
soybeans|cassava|sorghum|anchovies|kimchi|ginseng|jute|cocoa futures|palm oil|rubber plantations
tea auctions|monsoon|typhoon|heatwave|drought|landslide|aftershock|wildfire|floodwaters|smog
sandstorm|firewall|botnet|phishing|malware|spyware|deepfake|chatbot|blockchain|stablecoin
drone swarm|exoskeleton|hydrofoil|maglev|microgrid|hydrogen|geothermal|offshore wind|solar farm
nuclear reactor|referee|linesman|sweeper|playmaker|libero|stopwatch|photo finish|relay baton
shuttlecock|taekwondo|archery|fencing|rowing|weightlifting|badminton|table tennis|ski jumping
figure skating|judo|esports|ferry|harbour|lighthouse|railway|tollbooth|checkpoint|watchtower
bunker|airstrip|shipyard|abstention|absenteeism|whistleblower|dossier|subpoena|indictment
acquittal|amnesty|clemency|parole|alderman|chancellery|politburo|presidium|junta|diaspora
expatriates|pilgrims|nomads|smallholders|tariff rebate|carbon levy|windfall tax|wealth fund
pension reform|land registry|census|cadastre|lantern festival|harvest moon|cherry blossom
monsoon season|lunar new year|chuseok|ramadan|oktoberfest|jollof|bibimbap|dumplings|pretzels
noodle stalls|street vendors|night markets|fish auctions|semaphore|telegraph|cartography|almanac
ledger|abacus|sextant|theodolite|barometer|seismograph
""")
WEEKDAYS = _words("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")
MONTHS = _words("""
January|February|March|April|May|June|July|August|September|October|November|December
""")
TIME_PHRASES = _words("""
on Monday|on Tuesday|on Wednesday|on Thursday|on Friday|on Saturday|on Sunday|last week|this week
earlier this month|last month|late on Thursday|early on Monday|in recent days|over the weekend
""")

# Syllables for invented proper nouns (towns, residents' surnames, small firms) in five styles.
# (starts, middles, endings); "" in middles gives two-syllable names.
_TAIL_STYLES = (
    (
        "Gang|Hwa|Jeon|Cheong|Yang|Dong|Mun|Sang|Bu|Po|Ui|Geum|Nam|Seo|Ok|Hae|Jin|Yeong|Gwang|Chung",
        "|san|won|gok|pyeong|myeon|nae|am|dae|hyeon|gye",
        "ri|dong|gun|cheon|ju|po|san|do|won|gok|ryeong|jang",
    ),
    (
        "Ade|Olu|Nko|Ama|Ibe|Oko|Aba|Eko|Ogu|Asa|Ike|Umu|Ebo|Awo|Ila|Oyo|Eti|Ado|Ilo|Nsu",
        "|la|ku|wa|de|bo|ye|mi|ri|so|to",
        "ja|nu|ke|ma|di|wo|si|ko|ba|gun|lu|fe",
    ),
    (
        "Alt|Neu|Ober|Hohen|Lind|Rosen|Eich|Stein|Wald|Krom|Holm|Berg|Vik|Sand|Falk|Gries|Marien",
        "|en|er|ing|s|el|and|ers|au|ten",
        "berg|dorf|hausen|feld|heim|stad|vik|by|bruck|stedt|holm|tal|bach|hagen",
    ),
    (
        "Xin|Long|Jin|Hua|Tian|Bai|Qing|Nan|Dong|Fu|Yong|Shan|Ping|Guang|Lu|Chang|Hong|Wen|Zhu|Lin",
        "|an|ning|he|shi|yu|mei|bao|kang|tai",
        "yang|hua|ning|zhou|shan|men|kou|ling|tai|du|xi|jiang|cheng|hai",
    ),
    (
        "Ash|Brad|Kings|Mel|Thorn|Whit|Ald|Hart|Lang|Wyn|Pen|Carr|Dun|Fair|Glen|Hol|Mar|Red|Stan|Wel",
        "|ing|er|es|am|ow|ley|en|il|ock",
        "ford|ley|wick|ton|bury|combe|stead|worth|mere|field|brook|ham|cliffe|more",
    ),
)


def _tail_names() -> list[str]:
    """About 13,000 distinct invented names in a fixed shuffled order (the Zipf rank)."""
    names: dict[str, None] = {}  # ordered and unique
    for starts, middles, endings in _TAIL_STYLES:
        for start in starts.split("|"):
            for middle in middles.split("|"):
                for ending in endings.split("|"):
                    names[start + middle + ending] = None
    ordered = list(names)
    random.Random("kimreader-bench-tail").shuffle(ordered)
    return ordered


TAIL_NAMES = _tail_names()
OCCUPATIONS = _words("""
shopkeeper|teacher|taxi driver|nurse|farmer|student|fisherman|retired engineer|restaurant owner
factory worker|pharmacist|bus driver|market trader|civil servant|software developer|pensioner
""")
FIRM_KINDS = _words("""
Holdings|Group|Industries|Logistics|Partners|Foods|Shipping|Textiles|Mining|Motors|Electronics
Pharmaceuticals|Construction|Trading|Agritech
""")

# ---------------------------------------------------------------- templates

# {slot} names are methods of _Writer; the first letter of a sentence is capitalised afterwards.
GENERAL_SENTENCES = _words("""
{person} {verb} the {noun} {time}, according to {sources}.
The {adj} {noun} drew {gadj} criticism from {org} and {group} in {city}.
{official} told reporters in {city} that the {noun} would be reviewed by {month}.
Officials in {country} said the {noun} formed part of {a_gadj} {gnoun} to address the {noun2}.
The move comes as {org} {verb} its {adj} {noun}, {a_gadj} step for the {gnoun}.
According to figures published by {org}, {pct} of {group} in {country} expect the {noun} to worsen.
{person} {verb} the {noun2} after {count} days of {adj} {noun}.
It was not immediately clear how the {noun} would affect the {noun2} in {city}.
The {noun} came after {a_gadj} {gnoun} in {year}, when {org} {verb} the {noun2}.
Speaking in {city}, {person} said the {noun} would not change the {gadj} {gnoun}.
{group} in {city} have been watching the {noun} closely since {month}.
The {rare} over the {noun} became {a_gadj} {gnoun} for {org}.
Some {group} compared the {noun} to the {rare} of {year}.
{a_gadj} {doc} from {org} estimated the cost of the {noun} at {money}.
Authorities in {country} have questioned {count} {group} linked to the {noun} since {year}.
The {noun} looked set to dominate talks in {city} next {weekday}.
Neither {org} nor {org2} responded to requests for comment {time}.
{person} has faced {gadj} pressure over the {noun} in recent months.
Local media in {city} reported that {org} {verb} the {noun} {time}.
The {adj} {noun} marked the {ordinal} such {gnoun} this year.
Asked about the {noun2}, {person} declined to give details.
Data released {time} showed the {noun} up {pct} from a year earlier.
In {month} {year}, {org} {verb} a similar {gnoun}, which {group} described as {gadj}.
Critics argue that the {noun} would do little to address the {rare} or the {noun2}.
Analysts said the {noun} could weigh on the {noun2} well into {year2}.
{group} in {city} said they had not been consulted about the {noun}.
In {town}, {count} kilometres from {city}, {group} said the {noun} had already changed daily life.
{local}, who runs a small business in {town}, said the {noun} had hit trade.
{firm}, a company based in {town}, {verb} the {noun} {time}.
Residents of {town} said they had not been told about the {noun}.
The {gnoun} will be closely watched in {city}, where {group} fear the {noun} could spread.
""")
TOPIC_SENTENCES: dict[str, list[str]] = {
    "politics": _words("""
The {adj} party {verb} the {noun} by {count} votes to {count2}.
Lawmakers in {city} {verb} the {adj} {noun}, which would reshape the {noun2}.
Polls show the ruling party trailing by {pct} ahead of the {noun}.
{person} promised {adj} change to the {noun} if the party wins a majority in {year2}.
The {noun} passed after {a_adj} debate that ran past midnight.
Opposition leaders called the {noun} {a_rare} and vowed to challenge it in court.
A senior aide to {person} said the {noun} had cost the party support in {city}.
The {noun} is the {ordinal} test of the {adj} coalition since the {year} election.
{group} queued outside polling stations in {city} before dawn.
"""),
    "economy": _words("""
The rate of {noun} {move} to {pct} in {month}, the highest level since {year}.
{org} {verb} its growth forecast for {country} to {pct} for {year2}.
Exporters in {city} warned that the {noun} could cost them {money} this year.
The currency {move} {pct} against the dollar after officials announced the {noun}.
Economists polled by {outlet} had expected the {noun} to rise by {pct}.
Shares of {company} {move} {pct} in {city} trading.
The benchmark index {move} {pct} by the close, led by {company}.
{company} said quarterly profit {move} {pct} to {money}, citing the {noun}.
The {noun} has squeezed household budgets in {city}, where rents {move} {pct} last year.
"""),
    "diplomacy": _words("""
The two sides agreed to hold further talks on the {noun} in {city} in {month}.
{leader} {verb} the {adj} {noun} during a visit to {city}.
Envoys from {country} and {country2} met behind closed doors for {count} hours.
The meeting was the first since {leader} {verb} the {noun2} in {year}.
A joint statement issued after the talks made no mention of the {noun2}.
{org} urged all sides to show restraint over the {noun}.
{official} is expected to travel to {city} next week to discuss the {noun}.
The {noun} has strained ties between {country} and {country2} since {year}.
Diplomats in {city} said a deal on the {noun} remained out of reach.
"""),
    "technology": _words("""
{company} {verb} the {adj} {noun}, aimed at the {noun2} market in {country}.
Researchers said they found traces of the {noun} on {count} servers in {city}.
Regulators in {city} {verb} the {adj} {noun} over concerns about the {noun2}.
{company} said its {adj} {noun} would ship in {month} at a price of {money}.
Engineers at {company} spent {count} months building the {noun}.
The market for {noun} in {country} is forecast to reach {money} by {year2}.
{company} shares {move} {pct} after the company {verb} the {noun}.
The {adj} {noun} relies on components made in {city} and {country2}.
Privacy advocates in {city} said the {noun} collected more data than users realised.
"""),
    "sport": _words("""
The {adj} side {beat} their rivals {score} in front of {count} fans in {city}.
{athlete} scored in the {minute} minute to seal {a_adj} victory.
The coach said the {noun} showed what the {noun2} could achieve this season.
{athlete} has now scored {count} goals in {count2} appearances.
The result leaves the {adj} side {count} points behind the leaders.
Tickets for the {noun} in {city} sold out within {count} minutes.
{athlete} {verb} the {noun} after {a_adj} {noun2}.
{athlete}, who joined from a club in {city} in {year}, {verb} the {noun}.
The {noun} was delayed by {count} minutes after heavy rain in {city}.
"""),
}
QUOTES = _words("""
We are seeing {a_gadj} {gnoun} in {city} and it will take years to repair
What we saw with the {noun} is not the end of the story, it is the beginning
Nobody expected the {noun} to move this fast
This is {a_gadj} moment for {country}
What happens with the {noun2} matters far more than the headlines suggest
If we get the {noun} wrong, {group} will pay the price
We have been warning about the {rare} for a long time
There is no quick fix for the {noun}
The numbers speak for themselves
What happens in {city} over the next {count} weeks will decide the {noun}
I do not think {group} understand how {gadj} this is
The {adj} {noun} changed the calculation for everyone
""")
QUOTE_FORMS = (
    "“{quote},” said {expert}.",
    "“{quote},” {expert_subject} said.",
    "{expert_subject} said: “{quote}.”",
    "“{quote},” {person} said. “{quote2}.”",
    "“{quote},” said {expert}. “{quote2}.”",
    "“{quote},” said {local_intro}.",
)
TITLES: dict[str, list[str]] = {
    "politics": _words("""
{leader_short} {tverb} {noun} as {noun2} deadline looms
{country_cap} {tverb} {adj} {noun} in {city}
Ruling party {tverb} {noun} after weeks of debate
Lawmakers in {city} clash over {noun} amid {rare}
"""),
    "economy": _words("""
{org_cap} {tverb} {noun} as inflation hits {pct}
{country_cap} {tverb} {noun} forecast
{company} {tverb} {adj} {noun} in {city}
Investors brace for {noun} as {rare} deepens
"""),
    "diplomacy": _words("""
{leader_short} {tverb} {country} over {noun}
{country_cap} {tverb} {country2} over {noun} in {city}
{leader_short} {tverb} {adj} {noun} in {city}
Envoys in {city} weigh {adj} {noun}
"""),
    "technology": _words("""
{company} {tverb} {adj} {noun}
{country_cap} {tverb} {noun} over {noun2} fears
{company} {tverb} {noun} in {city} as {rare} looms
Inside the race for {noun} in {city}
"""),
    "sport": _words("""
{city} side {tverb} rivals {score} in {adj} {noun}
{athlete} {tverb} {noun} in {city}
{athlete} {tverb} {adj} {noun} as title race tightens
{country_cap} {tverb} {noun} after {rare} drama
"""),
}
HEADINGS = _words("""
What happens next|Background|The {adj} {noun}|The view from {city}|Reaction|Why it matters
The numbers|Looking ahead to {year2}|Behind the {noun}|Questions over the {noun2}
""")
SUMMARY_FORMS = _words("""
{person} {verb} the {noun} {time} as {group} in {city} weighed the {noun2}.
The {adj} {noun} raised questions about the {noun2} in {country}, {group} say.
{a_gadj} dispute over the {noun} in {city} has put {org} under pressure.
""")

_SLOT = re.compile(r"\{(\w+)\}")
# (leading literal, ((slot name, literal after it), ...))
Template = tuple[str, tuple[tuple[str, str], ...]]


def _compile(template: str) -> Template:
    parts = _SLOT.split(template)
    return parts[0], tuple(zip(parts[1::2], parts[2::2], strict=True))


def _compile_all(templates: Sequence[str]) -> list[Template]:
    return [_compile(t) for t in templates]


_C_GENERAL = _compile_all(GENERAL_SENTENCES)
_C_TOPIC = {topic: _compile_all(items) for topic, items in TOPIC_SENTENCES.items()}
_C_QUOTES = _compile_all(QUOTES)
_C_QUOTE_FORMS = _compile_all(QUOTE_FORMS)
_C_TITLES = {topic: _compile_all(items) for topic, items in TITLES.items()}
_C_HEADINGS = _compile_all(HEADINGS)
_C_SUMMARIES = _compile_all(SUMMARY_FORMS)

_PICK_FIRST = Zipf(FIRST_NAMES, 0.8)
_PICK_SURNAME = Zipf(SURNAMES, 0.9)
_PICK_LEADER = Zipf(LEADERS, 0.8)
_PICK_PLACE = Zipf(PLACES, 0.7)
_PICK_INSTITUTION = Zipf(INSTITUTIONS, 0.7)
_PICK_EXPERT_ROLE = Zipf(EXPERT_ROLES, 0.7)
_PICK_OFFICIAL_TITLE = Zipf(OFFICIAL_TITLES, 0.8)
_PICK_ORG = Zipf(GENERAL_ORGS, 0.9)
_PICK_OUTLET = Zipf(OUTLETS, 0.7)
_PICK_GNOUN = Zipf(GENERAL_NOUNS, 1.0)
_PICK_GADJ = Zipf(GENERAL_ADJS, 1.0)
_PICK_RARE = Zipf(RARE_WORDS, 0.7)
_PICK_TAIL = Zipf(TAIL_NAMES, 0.8)
_PICK_GROUP = Zipf(GROUPS, 1.0)
_PICK_OCCUPATION = Zipf(OCCUPATIONS, 0.8)
_PICK_MOVE = Zipf(MOVES, 0.8)
_PICK_BEAT = Zipf(BEATS, 0.8)
_PICK_TIME = Zipf(TIME_PHRASES, 0.8)
_PICK_GENERAL = Zipf(_C_GENERAL, 0.3)
_PICK_QUOTE = Zipf(_C_QUOTES, 0.5)
_TOPIC_PICKS = {
    topic: {kind: Zipf(words, 1.05) for kind, words in lists.items()}
    for topic, lists in TOPICS.items()
}
_TOPIC_NAMES = tuple(TOPIC_WEIGHTS)
_TOPIC_CUM = list(accumulate(TOPIC_WEIGHTS.values()))
_COMPANIES = [org for org in GENERAL_ORGS if not org.startswith("the ") and org != "FIFA"]
_ORDINALS = _words("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth")


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiouAEIOU" else "a ") + word


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Fills templates for one article: its topic, place and cast stay fixed throughout."""

    def __init__(self, rng: random.Random, topic: str) -> None:
        self.rng = rng
        self.topic = topic
        self.picks = _TOPIC_PICKS[topic]
        self.place = _PICK_PLACE(rng)
        self.chief = _PICK_LEADER(rng)
        self.experts = [self._new_expert() for _ in range(rng.randint(2, 3))]
        self.officials = [self._new_official() for _ in range(rng.randint(1, 2))]
        self.athletes = [self.new_name() for _ in range(3)]
        self.others = [_PICK_PLACE(rng) for _ in range(2)]
        self.orgs = [_PICK_ORG(rng) for _ in range(3)]
        # The long tail: each article has its own towns, residents and a local firm.
        self.towns = [_PICK_TAIL(rng) for _ in range(2)]
        self.locals = [(_PICK_FIRST(rng), _PICK_TAIL(rng)) for _ in range(2)]
        self.firm_name = f"{_PICK_TAIL(rng)} {rng.choice(FIRM_KINDS)}"
        self.mentioned: set[str] = set()  # full names already introduced (strings: order-free use)

    # -- cast
    def new_name(self) -> tuple[str, str]:
        surname = _PICK_SURNAME(self.rng)
        return f"{_PICK_FIRST(self.rng)} {surname}", surname

    def _new_expert(self) -> tuple[str, str, str]:
        full, short = self.new_name()
        role = _PICK_EXPERT_ROLE(self.rng)
        if role.startswith("a professor of") and self.rng.random() < 0.5:
            role = f"a professor of {TOPIC_FIELD[self.topic]}"
        return full, short, f"{role} at {_PICK_INSTITUTION(self.rng)}"

    def _new_official(self) -> tuple[str, str, str]:
        full, short = self.new_name()
        return full, short, _PICK_OFFICIAL_TITLE(self.rng)

    def _mention(self, full: str, short: str, intro: str) -> str:
        if full in self.mentioned:
            return short
        self.mentioned.add(full)
        return intro

    # -- slots (each returns the text for one {slot})
    def expert(self) -> str:
        """An expert at the end of a sentence: 'said Maria Okafor, a professor at Y.'"""
        full, short, role = self.rng.choice(self.experts)
        return self._mention(full, short, f"{full}, {role}")

    def expert_subject(self) -> str:
        """An expert followed by a verb: 'Maria Okafor, a professor at Y, said'."""
        full, short, role = self.rng.choice(self.experts)
        return self._mention(full, short, f"{full}, {role},")

    def person(self) -> str:
        rng = self.rng
        if rng.random() < 0.35:
            full, short, role = self.chief
            # Always followed by a verb in the templates, so the apposition closes with a comma.
            return self._mention(full, short, f"{full}, {role},")
        full, short, title = rng.choice(self.officials)
        return self._mention(full, short, f"{title} {full}")

    def official(self) -> str:
        full, short, title = self.rng.choice(self.officials)
        return self._mention(full, short, f"{title} {full}")

    def leader(self) -> str:
        full, short, _role = self.chief
        return self._mention(full, short, full)

    def leader_short(self) -> str:
        return self.chief[1]

    def athlete(self) -> str:
        full, short = self.rng.choice(self.athletes)
        return self._mention(full, short, full)

    def _some_place(self) -> tuple[str, str, str]:
        """Mostly the article's own place, sometimes one of the two others it mentions."""
        rng = self.rng
        return self.place if rng.random() < 0.6 else rng.choice(self.others)

    def city(self) -> str:
        return self._some_place()[0]

    def country(self) -> str:
        return self._some_place()[1]

    def country2(self) -> str:
        return self.rng.choice(self.others)[1]

    def town(self) -> str:
        return self.rng.choice(self.towns)

    def firm(self) -> str:
        return self.firm_name

    def local(self) -> str:
        first, surname = self.rng.choice(self.locals)
        return self._mention(f"{first} {surname}", surname, f"{first} {surname}")

    def local_intro(self) -> str:
        first, surname = self.rng.choice(self.locals)
        intro = f"{first} {surname}, {_a(_PICK_OCCUPATION(self.rng))} in {self.town()}"
        return self._mention(f"{first} {surname}", surname, intro)

    def country_cap(self) -> str:
        return _cap(self.country())

    def org(self) -> str:
        rng = self.rng
        return rng.choice(self.orgs) if rng.random() < 0.8 else _PICK_ORG(rng)

    org2 = org

    def org_cap(self) -> str:
        return _cap(self.org())

    def company(self) -> str:
        return self.rng.choice(_COMPANIES)

    def outlet(self) -> str:
        return _PICK_OUTLET(self.rng)[0]

    def sources(self) -> str:
        return self.rng.choice(("people familiar with the matter", "officials", self.outlet()))

    def noun(self) -> str:
        return self.picks["nouns"](self.rng)

    noun2 = noun

    def adj(self) -> str:
        return self.picks["adjs"](self.rng)

    def adj_cap(self) -> str:
        return _cap(self.adj())

    def verb(self) -> str:
        return self.picks["verbs"](self.rng)

    def tverb(self) -> str:
        return self.picks["tverbs"](self.rng)

    def gnoun(self) -> str:
        return _PICK_GNOUN(self.rng)

    def gadj(self) -> str:
        return _PICK_GADJ(self.rng)

    def group(self) -> str:
        return _PICK_GROUP(self.rng)

    def doc(self) -> str:
        return self.rng.choice(DOCUMENTS)

    def move(self) -> str:
        return _PICK_MOVE(self.rng)

    def beat(self) -> str:
        return _PICK_BEAT(self.rng)

    def minute(self) -> str:
        value = self.rng.randint(1, 90)
        suffix = (
            "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
        )
        return f"{value}{suffix}"

    # "a"/"an" chosen by the word that follows: {a_adj} -> "an unpopular", {a_gadj} -> "A major".
    def a_adj(self) -> str:
        return _a(self.adj())

    def a_gadj(self) -> str:
        return _a(self.gadj())

    def a_rare(self) -> str:
        return _a(self.rare())

    def rare(self) -> str:
        return _PICK_RARE(self.rng)

    def time(self) -> str:
        return _PICK_TIME(self.rng)

    def weekday(self) -> str:
        return self.rng.choice(WEEKDAYS)

    def month(self) -> str:
        return self.rng.choice(MONTHS)

    def year(self) -> str:
        return str(self.rng.randint(1990, 2024))

    def year2(self) -> str:
        return str(self.rng.randint(2025, 2035))

    def count(self) -> str:
        value = int(self.rng.paretovariate(1.2) * 3)
        return f"{value:,}"

    count2 = count

    def ordinal(self) -> str:
        return self.rng.choice(_ORDINALS)

    def pct(self) -> str:
        return f"{self.rng.uniform(0.1, 12.0):.1f} per cent"

    def money(self) -> str:
        unit = self.rng.choice(("million", "billion"))
        return f"${self.rng.randint(2, 950)} {unit}"

    def score(self) -> str:
        return f"{self.rng.randint(0, 5)}-{self.rng.randint(0, 4)}"

    def quote(self) -> str:
        return self.fill(_PICK_QUOTE(self.rng))

    quote2 = quote

    # -- assembly
    def fill(self, template: Template) -> str:
        first, pairs = template
        return first + "".join([getattr(self, slot)() + literal for slot, literal in pairs])

    def sentence(self) -> str:
        rng = self.rng
        if rng.random() < 0.4:
            template = rng.choice(_C_TOPIC[self.topic])
        else:
            template = _PICK_GENERAL(rng)
        return _cap(self.fill(template))

    def quote_paragraph(self) -> str:
        return _cap(self.fill(self.rng.choice(_C_QUOTE_FORMS)))


def _published(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))


def _body(writer: _Writer, target_words: int) -> str:
    rng = writer.rng
    dateline = writer.place[0].upper()
    lead = f"{dateline} — {writer.sentence()} {writer.sentence()}"
    paragraphs = [lead]
    words = len(lead.split())
    while words < target_words:
        roll = rng.random()
        if len(paragraphs) > 3 and roll < 0.08:
            text = "## " + _cap(writer.fill(rng.choice(_C_HEADINGS)))
        elif roll < 0.3:
            text = writer.quote_paragraph()
        else:
            text = " ".join(writer.sentence() for _ in range(rng.randint(2, 4)))
        length = len(text.split())
        if words + length > WORDS_MAX:  # never reached with the target below WORDS_MAX - 130
            break
        paragraphs.append(text)
        words += length
    return "\n\n".join(paragraphs) + "\n"


def generate_article(i: int, seed: int = 0) -> tuple[dict[str, Any], str]:
    """Front matter fields and Markdown body of article i; depends only on (i, seed)."""
    rng = random.Random(f"kimreader-bench-corpus:{seed}:{i}")
    topic = _TOPIC_NAMES[bisect(_TOPIC_CUM, rng.random() * _TOPIC_CUM[-1])]
    writer = _Writer(rng, topic)
    title = _cap(writer.fill(rng.choice(_C_TITLES[topic])))
    authors = [writer.new_name()[0] for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
    fields: dict[str, Any] = {
        "title": title,
        "source": _PICK_OUTLET(rng)[0],
        "authors": authors,
        "published": _published(rng),
        "place": writer.place[0],
        "language": "en",
        "summary": _cap(writer.fill(rng.choice(_C_SUMMARIES))),
    }
    writer.mentioned.clear()  # the body introduces people in full again
    # Body length: ~800 words, clipped so the final paragraph cannot push past WORDS_MAX.
    target = min(max(int(rng.gauss(800, 150)), WORDS_MIN), WORDS_MAX - 130)
    return fields, _body(writer, target)


# ---------------------------------------------------------------- HTML pages

_NAV = ("World", "Politics", "Business", "Technology", "Sport", "Opinion")


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def article_url(fields: dict[str, Any], i: int) -> str:
    """The canonical url an HTML copy of article i claims (unique per article)."""
    domain = dict(OUTLETS)[fields["source"]]
    day: date = fields["published"]
    return f"https://www.{domain}/news/{day:%Y/%m/%d}/{_slug(fields['title'])}-{i}"


def render_html(fields: dict[str, Any], body: str, i: int) -> str:
    """A plain but realistic news page: head metadata, nav, the article, a footer."""
    esc = html.escape
    site = fields["source"]
    day: date = fields["published"]
    authors = ", ".join(fields["authors"])
    parts = []
    for block in body.strip().split("\n\n"):
        if block.startswith("## "):
            parts.append(f"      <h2>{esc(block[3:])}</h2>")
        else:
            parts.append(f"      <p>{esc(block)}</p>")
    nav = "\n".join(f'      <li><a href="/{n.lower()}/">{n}</a></li>' for n in _NAV)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{esc(fields["title"])} | {esc(site)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="author" content="{esc(authors)}">
  <meta name="description" content="{esc(fields["summary"])}">
  <meta property="og:site_name" content="{esc(site)}">
  <meta property="og:title" content="{esc(fields["title"])}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="{day.isoformat()}T08:00:00Z">
  <link rel="canonical" href="{esc(article_url(fields, i))}">
  <link rel="stylesheet" href="/static/site.css">
  <script src="/static/analytics.js" defer></script>
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{esc(site)}</a>
    <nav class="main-menu"><ul>
{nav}
    </ul></nav>
  </header>
  <main>
    <article>
      <h1>{esc(fields["title"])}</h1>
      <p class="byline">By <span class="author">{esc(authors)}</span> ·
        <time datetime="{day.isoformat()}">{day:%d %B %Y}</time> · {esc(fields["place"])}</p>
{chr(10).join(parts)}
    </article>
    <aside class="related"><h3>More from {esc(site)}</h3><ul>
      <li><a href="/news/latest/">Latest headlines</a></li>
      <li><a href="/newsletters/">Sign up for our morning briefing</a></li>
    </ul></aside>
  </main>
  <footer class="site-footer">
    <p>&copy; {day.year} {esc(site)}. All rights reserved.</p>
    <p><a href="/about/">About us</a> · <a href="/privacy/">Privacy</a> ·
      <a href="/contact/">Contact</a></p>
  </footer>
</body>
</html>
"""


# ---------------------------------------------------------------- library


def is_html(i: int, html_share: float) -> bool:
    """Spread HTML articles evenly: floor(n * share + 0.5) of the first n are HTML."""
    return math.floor((i + 1) * html_share + 0.5) > math.floor(i * html_share + 0.5)


def write_library(
    n: int, directory: str | Path, html_share: float = 0.0, seed: int = 0
) -> list[Path]:
    """Write articles 0..n-1 into directory as {i:06d}.md (or .html for the HTML share)."""
    if not 0.0 <= html_share <= 1.0:
        raise ValueError(f"html_share must be between 0 and 1, not {html_share}")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    existing = set(os.listdir(directory))
    paths = []
    for i in range(n):
        fields, body = generate_article(i, seed)
        as_html = is_html(i, html_share)
        path = directory / f"{i:06d}.{'html' if as_html else 'md'}"
        text = render_html(fields, body, i) if as_html else dump_front_matter(fields, body)
        path.write_text(text, encoding="utf-8", newline="\n")
        # A rerun with another share must not leave the same article in both formats.
        other = f"{i:06d}.{'md' if as_html else 'html'}"
        if other in existing:
            (directory / other).unlink()
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("directory", type=Path, help="output directory (created)")
    parser.add_argument("--html-share", type=float, default=0.0, help="share written as HTML (0-1)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.n < 0 or not 0.0 <= args.html_share <= 1.0:
        parser.error("N must be >= 0 and --html-share between 0 and 1")
    start = time.perf_counter()
    paths = write_library(args.n, args.directory, args.html_share, args.seed)
    seconds = time.perf_counter() - start
    n_html = sum(p.suffix == ".html" for p in paths)
    size = sum(p.stat().st_size for p in paths)
    rate = len(paths) / seconds if seconds else 0.0
    print(f"{'articles':<12}{len(paths):>12,}")
    print(f"{'markdown':<12}{len(paths) - n_html:>12,}")
    print(f"{'html':<12}{n_html:>12,}")
    print(f"{'megabytes':<12}{size / 1e6:>12.1f}")
    print(f"{'seconds':<12}{seconds:>12.2f}")
    print(f"{'articles/s':<12}{rate:>12,.0f}")
    print(f"{'directory':<12}{str(args.directory):>12}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
