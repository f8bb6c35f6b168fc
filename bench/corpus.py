"""Deterministic synthetic news corpus for the benchmark.

Every article is built from this module's own sentence templates and vocabulary; the people,
towns, regions and organisations are invented (names are glued together from syllables), so
no real article is reproduced. A story has 1-3 versions: one clean version and, for the
others, a machine-translation-style rewrite of it (sentences reordered and merged into other
paragraphs, synonym and word-order swaps) with garbled tokens of the kinds the job detects:
run-together words ("inthe", "Ostravelin"), dropped apostrophes ("Korvadels"), duplicated
words ("the the"), broken hyphenation ("large -scale"), stray "|" lines, OCR letter
confusions and capitalised common words.

    generate(n, seed)        -> [(filename, file_text)]   the job's input format
    generate_texts(n, seed)  -> [GeneratedArticle]        ids, dates and bodies only (in memory)
    python -m bench.corpus --n 300 --seed 1 --out /tmp/corpus

Output is a pure function of (n, seed) and prefix-stable: the first n articles of
`generate(n + k, seed)` are exactly `generate(n, seed)` (a story cut off at the end gets its
remaining versions first), which is how the benchmark adds "1% new articles" to a folder.
File text: an optional `date YYYY-MM-DD Section` line, an optional title line, then one
paragraph per line. Bodies are 300-900 words (a rewrite may drift a few per cent).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple


def _w(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# -- invented names ------------------------------------------------------------------------------
# Given names are ordinary first names (any real article would use such names); surnames, towns
# and regions are syllable compounds that exist nowhere, e.g. "Ostravel", "Merunkaya".
GIVEN = _w(
    "Anna Marta Ivan Lena Omar Nadia Tomas Elena Ruth Samir Jonas Mira Pavel Irene Hugo Leila Oskar Vera Karim "
    "Sofia Daniel Amira Felix Ines Viktor Clara Rafael Yara Emil Lucia Malik Greta Nikolai Dina Aaron Selma Mateo "
    "Olga Farid Hanna Bruno Zara Anton Maya Idris Rosa Lukas Amal Stefan Nora Tariq Alma Georg Paula Yusuf Ilse "
    "Marco Salma Andrei Julia Kofi Agnes Ravi Teresa Milan Ayla Oliver Freya Dario Laila Simon Edith Arjun Beata"
)
_SUR_A = _w(
    "Ost Var Bel Kor Dem Sal Tur Mer Gal Pol Ren Hav Lin Drov Kas Fen Zar Mol Ber Tam Vel Dor Sev Ham Jur Pel "
    "Nov Rask Ul Gor Tel Bram Ves Kel Mar Sok Dal Fir Orl Zhan"
)
_SUR_B = _w("a e i o u an el ov ir ad um es ol ak in ar")
_SUR_C = _w("vel dorf ski kova enko sen ardi mez well berg tani vic lund kaya rov mann chev ssi baum nyi")
_PLACE_A = _w(
    "Kok Tal Mir Ves Bra Dun Sol Har Zel Ost Ran Pel Tor Kav Lum Nar Ser Gol Bel Fen Ard Mos Vil Kir Sar Tem "
    "Bor Lisk Yar Dov Ral Ush"
)
_PLACE_B = _w("a e o i u ar en or el an is ov ur ak ez ul ir ash em on as")
_PLACE_C = _w("terek ford grad vik mouth stan dale pol burg haven lia ton sk bridge")
_REGION = _w(
    "Sarybel Valdora Ostmark Kelvaria Durnholm Merivale Tashkara Lindovia Brevasse Koranth Selvane Ulmara "
    "Zhetysar Vornhelm Pallisade Astoria Greymoor Iskandel Rovanna Teskara"
)
_ORG_ADJ = _w(
    "National Regional Northern Southern Eastern Western Central United Independent Federal Coastal Upland "
    "Provincial Civic Metropolitan Rural"
)

# -- topics --------------------------------------------------------------------------------------
# Story-level slots (upper case) are fixed for a story so that its versions share them:
# P0-P3 full names, S0-S3 surnames, R0-R3 roles, PL/PL2 towns, RG region, ORG/ORGA organisation,
# EV the event, THING the topic's object, numbers NA (small count) NB (hundreds) NC (thousands)
# PC (per cent) YR (year) KM (distance) MON (money) AGE, DAY and MONTH. Lower-case slots are
# drawn again at every use from WORDS.
TOPICS: dict[str, dict[str, tuple[str, ...]]] = {
    "flood": {
        "section": ("Weather", "Regional", "Environment"),
        "event": ("the flood", "the flooding", "the high water", "the overflow of the river"),
        "thing": ("the river embankment", "the storm drains", "the flood barrier", "the reservoir dam"),
        "roles": (
            "the regional emergency chief",
            "a local rice farmer",
            "the head of the water authority",
            "a retired hydrologist",
            "the deputy governor",
            "a volunteer rescuer",
        ),
        "org": ("Water Authority", "Emergency Service", "Hydrological Institute", "Red Crescent Branch"),
        "title": (
            "Floodwaters cut off {PL} as river breaks its banks",
            "{PL} counts the cost of record rainfall",
            "Thousands evacuated from {PL} after {NA} days of rain",
            "River {PL2} bursts embankment near {PL}",
        ),
        "sentences": (
            "Heavy rain fell for {NA} days across the {RG} region before the river rose above its banks "
            "on {DAY} night.",
            "About {NC} residents of {PL} were moved to schools and sports halls on higher ground, according to {ORG}.",
            "Water reached the first floor of houses in the lower districts of {PL}, and several bridges were "
            "closed to traffic.",
            "{P0}, {R0}, said rescuers had pulled {NB} people from flooded homes by boat since the weekend.",
            "The {ORGA} said the river peaked at {KM} metres above its normal level, the highest reading since {YR}.",
            "Farmers in the valley fear that most of the spring harvest is lost, with {PC} per cent of the "
            "fields still under water.",
            "The regional government declared a state of emergency and asked the army for large-scale help "
            "with sandbags and pumps.",
            "Engineers inspected {THING} on {DAY} and found cracks in two sections that will need urgent repair.",
            "In the village of {PL2}, families waited on their roofs for hours before boats arrived.",
            "Drinking water was trucked into {PL} after the main pumping station was flooded.",
            "Meteorologists expect more rain later in the week, though at a lower intensity than in the "
            "past {NA} days.",
            "Critics say warnings about the state of {THING} were ignored for years by successive administrations.",
            '"We have never seen the water rise this fast," said {P1}, {R1}, who has lived in {PL} for {AGE} years.',
            "The {ORG} estimated the damage to roads and homes at {MON}, a figure it called preliminary.",
            "Schools across the district will stay closed until at least {DAY}, the education office said.",
        ),
    },
    "election": {
        "section": ("Politics", "Regional"),
        "event": ("the election", "the vote", "the mayoral race", "the ballot"),
        "thing": ("the electoral commission", "the ballot count", "the new voting law", "the city council"),
        "roles": (
            "the chair of the election commission",
            "an opposition candidate",
            "a political scientist at the state university",
            "the incumbent mayor",
            "a campaign spokesperson",
            "an independent observer",
        ),
        "org": ("Election Commission", "Civic Renewal Party", "Voters' League", "Democratic Forum"),
        "title": (
            "Independent candidate wins {PL} mayoral vote",
            "{PL} elects its first directly chosen mayor",
            "Turnout of {PC} per cent in {RG} local elections",
            "Opposition disputes results of {PL} ballot",
        ),
        "sentences": (
            "Voters in {PL} chose their mayor directly for the first time on {DAY}, in a pilot scheme that "
            "covers {NA} mid-sized towns.",
            "{P0}, {R0}, won {PC} per cent of the vote, according to preliminary results published by the {ORG}.",
            "Turnout reached {PC} per cent, well above the minimum required for the result to be valid.",
            "Until this year the mayor of {PL} was appointed by the governor of the {RG} region.",
            "{P1}, {R1}, conceded defeat on {DAY} morning but said his team had filed {NA} formal complaints.",
            "One complaint concerns a video that appears to show a man placing several ballots into a box at "
            "polling station No. {NB}.",
            "Observers from the {ORG} sent {NB} volunteers to polling stations and described the vote as "
            "competitive and well run.",
            "They noted queues of up to two hours in the suburb of {PL2} and a shortage of envelopes in the afternoon.",
            "The winner promised to replace {KM} kilometres of corroded water pipes and to publish every city "
            "contract worth more than {MON}.",
            "Analysts say the government must decide whether to extend direct elections to the whole country "
            "before the {YR} reform.",
            '"People voted for clean water and buses that run on time, not for a party," {S0} told supporters '
            "after midnight.",
            "The commission said it would examine every complaint before certifying the result on {DAY}.",
            "{PL}'s council will hold its first session under the new mayor within {NA} days.",
            "The ruling party's candidate had been expected to win comfortably after a well-funded campaign.",
        ),
    },
    "strike": {
        "section": ("Business", "Labour"),
        "event": ("the strike", "the walkout", "the industrial action", "the stoppage"),
        "thing": ("the container terminal", "the wage agreement", "the port authority", "the night shifts"),
        "roles": (
            "the union's general secretary",
            "a crane operator",
            "the port's chief executive",
            "a shipping analyst",
            "the labour minister",
            "a truck driver waiting at the gate",
        ),
        "org": ("Dockworkers' Union", "Port Authority", "Shipping Association", "Chamber of Commerce"),
        "title": (
            "Dockworkers at {PL} extend strike into second week",
            "Ships queue outside {PL} as port walkout continues",
            "{PL} port strike hits exports across {RG}",
            "Talks to end {PL} dock strike break down again",
        ),
        "sentences": (
            "About {NC} dockworkers at {PL} walked off the job on {DAY} after talks on a new wage agreement collapsed.",
            "By the end of the week, {NA} container ships were waiting at anchor outside the harbour.",
            "{P0}, {R0}, said members were asking for a raise of {PC} per cent to keep up with rising rents.",
            "The {ORG} called the demand unrealistic and offered less than half of it, spread over three years.",
            "Exporters in the {RG} region say the stoppage is costing them about {MON} a day.",
            "Fruit growers warned that thousands of tonnes of produce could rot in cold stores if the strike "
            "lasts much longer.",
            "{P1}, {R1}, said the government was ready to mediate but would not impose a settlement.",
            "Some shipping lines have diverted vessels to {PL2}, about {KM} kilometres along the coast.",
            "The last large-scale strike at the port, in {YR}, lasted {NA} days and ended with a two-year deal.",
            '"Nobody wants to stay out, but we cannot feed our families on promises," said {P2}, {R2}.',
            "Long lines of trucks formed on the access road to {THING}, and police diverted traffic through the "
            "old town.",
            "Workers also object to a plan to automate {THING}, which they fear will cost hundreds of jobs.",
            "The union said it would hold a ballot on the latest offer on {DAY}.",
            "Fuel deliveries to the region's petrol stations have been slowed, though not stopped.",
        ),
    },
    "transport": {
        "section": ("Transport", "Regional"),
        "event": ("the bridge closure", "the rail project", "the derailment", "the road works"),
        "thing": ("the high-speed rail line", "the old suspension bridge", "the ring road", "the bus depot"),
        "roles": (
            "the transport minister",
            "the chief engineer of the project",
            "a daily commuter",
            "a spokesperson for the rail operator",
            "the head of the local business association",
            "a safety inspector",
        ),
        "org": ("Rail Company", "Roads Agency", "Transport Ministry", "Commuters' Association"),
        "title": (
            "{PL} bridge to stay closed for months after inspection",
            "New rail link between {PL} and {PL2} delayed again",
            "Commuters in {PL} face long detours as works begin",
            "Freight train derails near {PL}, no injuries reported",
        ),
        "sentences": (
            "Engineers closed {THING} outside {PL} on {DAY} after an inspection found corroded steel cables.",
            "The closure forces about {NC} vehicles a day onto a detour that adds {KM} kilometres to the trip.",
            "{P0}, {R0}, said repairs would take at least {NA} months and cost around {MON}.",
            "The {ORG} said the structure, built in {YR}, had not been fully inspected for more than a decade.",
            "Commuters from {PL2} now spend up to an extra hour on the road each day.",
            "Work on the long-delayed high-speed line between {PL} and {PL2} was meant to finish this year.",
            "The project is now {PC} per cent over budget, according to an audit published in {MONTH}.",
            '"We were promised a train in twenty minutes, and we are still sitting in traffic," said {P1}, {R1}.',
            "The operator added {NA} extra buses at peak hours and cut fares on the regional line by half.",
            "Shops along the old route say their takings have dropped sharply since the closure.",
            "A freight train carrying grain left the tracks near {PL2} on {DAY}, blocking the line for a day.",
            "Investigators are examining whether worn rails or excessive speed caused the derailment.",
            "The ministry has promised a long-term plan for the region's ageing bridges by the end of {YR}.",
            "{P2}, {R2}, said the network had been starved of maintenance money for years.",
        ),
    },
    "health": {
        "section": ("Health",),
        "event": ("the outbreak", "the measles outbreak", "the hospital crisis", "the vaccination drive"),
        "thing": ("the district hospital", "the intensive care unit", "the vaccination centre", "the clinic"),
        "roles": (
            "the regional health director",
            "a paediatric nurse",
            "an epidemiologist at the national institute",
            "the hospital's chief doctor",
            "a mother of two",
            "the health minister",
        ),
        "org": ("Health Institute", "Medical Association", "Public Health Agency", "Nurses' Council"),
        "title": (
            "Measles cases rise in {PL} as vaccination rates fall",
            "{PL} hospital overwhelmed by winter infections",
            "Health officials open extra clinics in {RG}",
            "Doctors in {PL} warn of staff shortages",
        ),
        "sentences": (
            "Health officials in {PL} have confirmed {NB} cases of measles since {MONTH}, most of them in "
            "children under five.",
            "Vaccination rates in the {RG} region have fallen to {PC} per cent, well below the level needed "
            "to stop the spread.",
            "{P0}, {R0}, said {THING} was treating twice as many patients as it has beds for.",
            "The {ORG} opened {NA} temporary vaccination points in schools and markets on {DAY}.",
            "Doctors say the outbreak began in a kindergarten in {PL2} and spread through families.",
            '"Every day I see children who could have been protected by two small injections," said {P1}, {R1}.',
            "The hospital has postponed routine operations and called in retired staff to cover night shifts.",
            "About {NC} doses of vaccine were delivered to the region this week, the ministry said.",
            "Officials blame misinformation shared online and long travel distances to the nearest clinic.",
            "The last large outbreak, in {YR}, infected more than {NC} people and killed {NA}.",
            "{P2}, {R2}, said the region had lost {PC} per cent of its nurses to better-paid jobs abroad.",
            "Parents queued outside {THING} from early morning, some after travelling {KM} kilometres.",
            "The government has promised {MON} to recruit and train health workers over the next three years.",
            "Schools were asked to check pupils' vaccination records before the start of the new term.",
        ),
    },
    "court": {
        "section": ("Courts", "Crime"),
        "event": ("the trial", "the fraud case", "the corruption trial", "the appeal"),
        "thing": ("the district court", "the prosecutor's office", "the supreme court", "the jury"),
        "roles": (
            "the presiding judge",
            "the chief prosecutor",
            "a defence lawyer",
            "a former city treasurer",
            "a professor of criminal law",
            "a witness for the prosecution",
        ),
        "org": ("Anti-Corruption Bureau", "Bar Association", "Prosecutor General's Office", "Court of Appeal"),
        "title": (
            "Former {PL} official goes on trial over land deals",
            "Court in {PL} hears first witnesses in fraud case",
            "Verdict expected in {RG} corruption trial",
            "{PL} businessman sentenced to {NA} years",
        ),
        "sentences": (
            "The trial of {P0}, {R0}, opened in {PL} on {DAY} amid heavy security.",
            "Prosecutors accuse the defendant of selling municipal land below its value in exchange for "
            "payments worth {MON}.",
            "{P1}, {R1}, told the court that {NA} plots had changed hands through companies registered abroad.",
            "The defence says the sales were approved by the city council and followed the law.",
            "The {ORG} began its investigation in {YR} after a tip from a bank employee.",
            '"My client has nothing to hide and will answer every question," said {P2}, {R2}.',
            "A witness described meetings in a restaurant in {PL2} where envelopes were handed over.",
            "The judge rejected a request to move the case to another city, citing the cost of delay.",
            "If convicted, the defendant faces up to {NA} years in prison and a ban on holding public office.",
            "Investigators say they traced about {NC} transfers through accounts in three countries.",
            "{THING} has scheduled {NA} more hearings, with a verdict expected by {MONTH}.",
            "Protesters outside the courthouse held signs calling for an end to so-called untouchable officials.",
            "Legal experts say the case is a test of the {YR} law that created specialised anti-corruption courts.",
            "The defendant's lawyers plan to call {NB} witnesses, mostly former colleagues.",
        ),
    },
    "harvest": {
        "section": ("Agriculture", "Business"),
        "event": ("the harvest", "the drought", "the grain harvest", "the coffee season"),
        "thing": ("the irrigation canal", "the grain silos", "the farmers' cooperative", "the export quota"),
        "roles": (
            "the head of the farmers' cooperative",
            "a wheat grower",
            "an agronomist",
            "the agriculture minister",
            "a commodity trader",
            "a beekeeper",
        ),
        "org": ("Farmers' Cooperative", "Grain Board", "Agriculture Ministry", "Growers' Federation"),
        "title": (
            "Drought cuts {RG} grain harvest by a third",
            "Farmers around {PL} count losses after dry summer",
            "{PL} cooperative bets on new crop varieties",
            "Export ban considered as harvest falls short in {RG}",
        ),
        "sentences": (
            "Farmers around {PL} expect to harvest {PC} per cent less wheat than last year after months without rain.",
            "{P0}, {R0}, said many fields had produced barely enough grain to cover the cost of seed.",
            "The {ORG} estimates losses across the {RG} region at {MON}.",
            "Water levels in {THING} fell so low in {MONTH} that pumps could not reach it.",
            "Some growers have switched to drought-resistant barley and sorghum on the advice of agronomists.",
            '"My father farmed this land for {AGE} years and never saw it this dry," said {P1}, {R1}.',
            "Prices at the regional market in {PL2} rose by {PC} per cent in a single week.",
            "The government is considering a temporary limit on grain exports to keep bread prices stable.",
            "Traders say such a ban would hurt the country's reputation as a reliable supplier.",
            "About {NC} hectares of orchards also suffered, with apples falling before they ripened.",
            "The cooperative has asked for cheap loans and a delay in land tax payments until {YR}.",
            "{P2}, {R2}, said long-term investment in irrigation was the only real answer.",
            "Beekeepers report that honey yields have halved because flowering plants dried out early.",
            "The ministry promised compensation of {MON} for the worst-hit farms, to be paid by {MONTH}.",
        ),
    },
    "energy": {
        "section": ("Energy", "Business"),
        "event": ("the blackout", "the power cuts", "the wind farm project", "the gas price rise"),
        "thing": ("the power grid", "the coal plant", "the new wind farm", "the substation"),
        "roles": (
            "the energy minister",
            "the grid operator's chief executive",
            "a factory owner",
            "an energy economist",
            "a resident of the old town",
            "an environmental campaigner",
        ),
        "org": ("Grid Company", "Energy Regulator", "Power Utility", "Clean Energy Council"),
        "title": (
            "Blackout leaves {PL} without power for {NA} hours",
            "{RG} approves wind farm near {PL}",
            "Households in {PL} brace for higher heating bills",
            "Ageing coal plant at {PL2} to close by {YR}",
        ),
        "sentences": (
            "A fault at {THING} left about {NC} households in {PL} without electricity for most of {DAY}.",
            "{P0}, {R0}, said an overloaded transformer had caught fire shortly after midnight.",
            "Hospitals switched to backup generators and traffic lights across the city went dark.",
            "The {ORG} said demand had hit a record as temperatures dropped to minus {NA} degrees.",
            "The regulator approved a {PC} per cent increase in household tariffs from {MONTH}.",
            "Plans for a wind farm of {NA} turbines near {PL2} were approved after two years of hearings.",
            '"We cannot keep patching a grid that was built for the last century," said {P1}, {R1}.',
            "The project is expected to cost {MON} and supply power to about {NC} homes.",
            "Residents worry about noise and the effect on migrating birds, and some have gone to court.",
            "The coal plant, which opened in {YR}, supplies about {PC} per cent of the region's electricity.",
            "{P2}, {R2}, said the government should spend more on insulation and less on new capacity.",
            "Factories in the industrial zone lost a full shift of production during the outage.",
            "The grid operator promised to replace {KM} kilometres of old cable over the next five years.",
            "Small businesses say the rise in power prices will force them to cut staff or raise prices.",
        ),
    },
    "school": {
        "section": ("Education",),
        "event": ("the school reform", "the teachers' protest", "the exam scandal", "the school closures"),
        "thing": ("the new curriculum", "the national exam", "the village school", "the teacher training college"),
        "roles": (
            "the education minister",
            "a secondary school teacher",
            "the head of the parents' association",
            "a sixteen-year-old student",
            "a school principal",
            "an education researcher",
        ),
        "org": ("Teachers' Union", "Education Ministry", "Parents' Association", "Schools Inspectorate"),
        "title": (
            "Teachers in {PL} protest over pay and class sizes",
            "{RG} to close {NA} village schools",
            "Exam papers leaked online before {PL} tests",
            "New curriculum divides parents in {PL}",
        ),
        "sentences": (
            "Several thousand teachers marched through the centre of {PL} on {DAY} to demand higher pay.",
            "{P0}, {R0}, said starting salaries had not kept pace with prices for {NA} years.",
            "The {ORG} says the average class in the region now has {NA} pupils, up from 24 a decade ago.",
            "The regional government plans to close {NA} small village schools and bus pupils to larger ones.",
            "Parents in {PL2} say their children would spend more than an hour a day on the road.",
            '"A school is the last public building left in many villages," said {P1}, {R1}.',
            "Questions from {THING} appeared on social media the night before the test, officials said.",
            "About {NC} students will have to sit the mathematics paper again in {MONTH}.",
            "Police have questioned {NA} people, including a printing house employee, over the leak.",
            "{THING} puts more weight on critical thinking and less on memorising dates and formulas.",
            "Critics say teachers received too little training before the changes took effect in {YR}.",
            "{P2}, {R2}, said pupils who took part in the pilot scored {PC} per cent higher in reading.",
            "The ministry has set aside {MON} for new textbooks and laptops for poorer schools.",
            "The union said it would decide on further action after talks with the minister next week.",
        ),
    },
    "sport": {
        "section": ("Sport",),
        "event": ("the marathon", "the cup final", "the championship", "the relay race"),
        "thing": ("the city stadium", "the national team", "the marathon course", "the new sports hall"),
        "roles": (
            "the race director",
            "the head coach",
            "a first-time runner",
            "the team captain",
            "a sports commentator",
            "the club's president",
        ),
        "org": ("Athletics Federation", "Football Club", "Olympic Committee", "Sports Council"),
        "title": (
            "{P0} wins {PL} marathon in course record",
            "{PL} lifts the cup after dramatic final",
            "Record field of {NC} runners for {PL} race",
            "Heat forces organisers to shorten {PL} marathon",
        ),
        "sentences": (
            "{P0}, {AGE}, won the {PL} marathon on {DAY} in two hours and {NA} minutes, a course record.",
            "A record {NC} runners started the race, which crossed both banks of the river twice.",
            "Temperatures rose to {NA} degrees by mid-morning, and organisers added extra water stations.",
            "{P1}, {R1}, said {NB} runners were treated for heat exhaustion, none of them seriously.",
            "The home side won the cup final {NA}-2 after extra time in front of a full stadium.",
            '"I ran the last ten kilometres on my heart, not my legs," the winner told reporters.',
            "The {ORG} has asked the city to move the race to an earlier start time from next year.",
            "{THING} was renovated in {YR} at a cost of {MON} and now seats {NC} spectators.",
            "Fans travelled from {PL2} and across the {RG} region, filling hotels for the weekend.",
            "{P2}, {R2}, said the victory was the club's first major trophy in {AGE} years.",
            "The women's race was won by a runner from {PL2} who took up the sport only four years ago.",
            "Local businesses say the event brought in about {MON} in a single weekend.",
            "Organisers plan to apply for international status, which would attract elite athletes.",
            "The team will now play in the continental competition, with the first match in {MONTH}.",
        ),
    },
    "science": {
        "section": ("Science",),
        "event": ("the discovery", "the meteorite fall", "the research expedition", "the telescope launch"),
        "thing": ("the mountain observatory", "the research station", "the new telescope", "the university lab"),
        "roles": (
            "the observatory's director",
            "an astronomer",
            "a doctoral student",
            "a geologist",
            "the head of the space agency",
            "a shepherd who saw the fireball",
        ),
        "org": ("Academy of Sciences", "Space Research Institute", "Geological Survey", "State University"),
        "title": (
            "Astronomers at {PL} spot near-Earth asteroid",
            "Meteorite fragments found near {PL}",
            "Scientists in {RG} map ancient glacier",
            "{PL} observatory gets new telescope",
        ),
        "sentences": (
            "Astronomers at {THING} near {PL} have discovered an asteroid about {NB} metres across.",
            "{P0}, {R0}, said the object would pass the Earth at a safe distance in {MONTH} {YR}.",
            "The discovery was made by {P1}, {R1}, who noticed a faint moving dot on images taken on {DAY}.",
            "The {ORG} confirmed the orbit using observations from {NA} other telescopes.",
            "Residents of {PL2} reported a bright fireball and a loud bang shortly before dawn.",
            "Geologists later found {NA} fragments of a stony meteorite in fields outside the village.",
            '"It was brighter than the moon for a second, and then the windows shook," said {P2}, {R2}.',
            "The largest fragment weighs about {NA} kilograms and will be studied at the state university.",
            "The new telescope, which cost {MON}, will let the team follow objects {PC} per cent fainter.",
            "The observatory sits at an altitude of {NC} metres, far from the lights of any large city.",
            "Funding for the station was nearly cut in {YR}, and the staff now numbers only {NA}.",
            "Scientists plan a joint expedition with foreign partners to survey the glacier next summer.",
            "Data from the survey will be shared openly with researchers around the world.",
            "The agency said the asteroid poses no threat but is a useful target for tracking practice.",
        ),
    },
    "culture": {
        "section": ("Culture", "Arts"),
        "event": ("the festival", "the museum reopening", "the restoration", "the exhibition"),
        "thing": ("the old cathedral", "the city museum", "the open-air theatre", "the folk music festival"),
        "roles": (
            "the festival's artistic director",
            "a restorer",
            "the museum's curator",
            "a local historian",
            "the culture minister",
            "a visitor from abroad",
        ),
        "org": ("Heritage Foundation", "Museum Council", "Arts Fund", "Culture Ministry"),
        "title": (
            "{PL} museum reopens after {NA}-year restoration",
            "Folk festival draws {NC} visitors to {PL}",
            "Restorers uncover hidden frescoes in {PL}",
            "{RG} heritage sites get emergency funding",
        ),
        "sentences": (
            "{THING} in {PL} reopened to the public on {DAY} after a restoration that took {NA} years.",
            "Restorers uncovered wall paintings that had been hidden under layers of plaster since {YR}.",
            "{P0}, {R0}, said the team worked with tiny brushes and cotton swabs to clean the surface.",
            "The work cost {MON}, most of it raised by the {ORG} and private donors.",
            "About {NC} visitors came on the first weekend, and the queue stretched around the square.",
            '"Seeing the colours again after all these years is like hearing an old song," said {P1}, {R1}.',
            "The festival brought musicians from {NA} countries to a stage built on the edge of the lake.",
            "Hotels in {PL} and {PL2} were fully booked, and many visitors camped in nearby fields.",
            "{P2}, {R2}, said the region's heritage sites had suffered from decades of neglect.",
            "The exhibition includes {NB} objects, from bronze tools to hand-painted wedding chests.",
            "Entry will be free for children and students until the end of {MONTH}.",
            "Organisers said ticket sales rose by {PC} per cent compared with last year.",
            "The museum's collection of textiles, the largest in the country, will be shown in rotation.",
            "Critics praised the restoration but asked why the works had been left to decay for so long.",
        ),
    },
}

# Sentences any story can use; they refer to the story's slots.
GENERIC: tuple[str, ...] = (
    "Officials said the full picture would only become clear in the coming {time}.",
    "{P2}, {R2}, {said} the authorities had been warned months ago but had done little.",
    "The {ORG} {said} it would publish a detailed report on {EV} by the end of {MONTH}.",
    "Local media reported that {NA} people had been questioned by investigators in connection with {EV}.",
    "The government has come under growing pressure to respond to {EV} more quickly.",
    "Residents of {PL} {said} they felt forgotten by officials in the capital.",
    "{S0} {said} the situation in {PL} remained {adj} but under control.",
    '"We will not leave anyone behind," {S1} told a news conference in {PL} on {DAY}.',
    "Opposition politicians called for an inquiry into how {EV} was handled.",
    "The {RG} region, home to about {NC} people, is one of the poorest in the country.",
    "Similar problems were reported in {PL2}, though on a smaller scale.",
    "{S2} {said} the cost of {EV} was likely to rise once all claims had been counted.",
    "The minister is expected to visit {PL} later this week, according to his office.",
    "A spokesperson for the {ORGA} declined to comment on the figures.",
    "Economists estimate that {EV} could shave {PC} per cent off the region's growth this year.",
    "Volunteers from {PL2} arrived with food, blankets and medicine on {DAY}.",
    "Questions remain about who will pay for the repairs to {THING}.",
    "{P3}, {R3}, {said} people were {adj} about what would happen next.",
    "According to the {ORG}, the number of people affected has more than doubled since {YR}.",
    "In a statement, the {ORGA} said it had acted in line with the rules in force at the time.",
    "Many families in {PL} rely on a single income, and a few lost days can mean real hardship.",
    "The region's governor has promised a cross-border working group with neighbouring provinces.",
    "Social media posts from {PL} showed long queues and crowded streets.",
    "{S3} {said} the lessons of {YR} had not been learned.",
    "The next meeting of the regional council is scheduled for {DAY}.",
    "A poll published in {MONTH} found that {PC} per cent of residents distrust local officials.",
    "{S1} {said} a so-called quick fix would only postpone the problem.",
    "Human rights groups urged the authorities to keep the public informed.",
    "Businesses in the town centre reported a sharp fall in customers over the past {time}.",
    "The {ORGA}'s board will meet on {DAY} to discuss the next steps.",
    "{PL}'s mayor said the town needed a long-term plan rather than emergency money.",
    "Officials in the capital said they were following the situation in {PL} closely.",
    "Critics note that similar promises were made in {YR} and never kept.",
    "The figures could not be independently verified.",
    "Earlier this year, a report by the {ORG} warned of exactly this kind of problem.",
    "{S0} has held the post for {NA} years and is widely respected in the region.",
    "More than {NB} complaints have been filed with the regional ombudsman since {MONTH}.",
    "The state-owned broadcaster gave the story only a brief mention in its evening news.",
    "Some residents said they would leave {PL} for good if nothing changed.",
    "The {ORGA} said the {adj} response showed that the year-on-year investment was paying off.",
    "Officials in {PL} declined to say how many staff had been assigned to deal with {EV}.",
    "The {ORG} has been criticised before for slow decisions and unclear rules.",
    "Television pictures from {PL} showed officials arguing with a crowd outside the town hall.",
    "{S2} said the region needed {NA} more specialists and a clear budget for the next {NA} years.",
    "The regional prosecutor said she would look into whether any rules had been broken.",
    "A petition calling for the resignation of the local administration has gathered {NC} signatures.",
    "The governor of {RG} said on {DAY} that help would reach every district within {NA} days.",
    "Neighbouring {PL2} offered to share equipment and staff, an offer that was accepted on {DAY}.",
    "Some experts doubt that the promised {MON} will be enough to cover the real cost.",
    "{S1}, who grew up in {PL2}, said many older residents had seen nothing like it.",
    "The national statistics office said unemployment in the region stood at {PC} per cent in {MONTH}.",
    "Local radio stations interrupted their programmes to broadcast updates every hour.",
    "The story has dominated conversation in the cafes and markets of {PL} for a {time2}.",
    "{S3}'s office said more details would be released after the meeting on {DAY}.",
    "For many in {PL}, {EV} has become a test of whether local democracy can deliver.",
    "A regional newspaper in {PL2} devoted its whole front page to {EV} on {DAY}.",
    "Several international organisations have offered technical advice, the foreign ministry said.",
    "The last time the region faced a comparable situation was in {YR}, when {NB} people were affected.",
    "Police said they had opened {NA} criminal cases related to {EV} so far.",
    "{S0} said the priority now was to restore trust, not to look for someone to blame.",
    "Bus services between {PL} and {PL2} were reduced to two a day on {DAY}.",
    "Aid agencies say at least {NC} people in the {RG} region need some form of support.",
    "The cabinet discussed {EV} at its weekly meeting, a government source said.",
    "In {PL}, a town of {NC}, almost everyone knows someone who has been affected.",
    "{S2} added that a full investigation would take at least {NA} months.",
    "A group of local entrepreneurs has set up a fund to help those who lost their income.",
    "Religious leaders in {PL} called for calm and held a joint prayer on {DAY}.",
    "The authorities have opened a hotline, which received {NB} calls on its first day.",
    "Regional lawmakers plan to hold a public hearing on {EV} in {MONTH}.",
    "The {ORGA} admitted that its own forecasts had been too optimistic.",
    "Independent experts said the official figures were probably an underestimate.",
    "Residents have started a page online to share information and offers of help.",
    "{S1} said the {ORG} would need a bigger budget next year to cope with similar events.",
    "There was no immediate response from the ministry to a request for comment on {DAY}.",
)

WORDS: dict[str, tuple[str, ...]] = {
    "said": ("said", "told reporters", "added", "noted", "insisted", "told local radio"),
    "adj": ("difficult", "tense", "serious", "uncertain", "worrying", "calm"),
    "time": ("days", "weeks", "months"),
    "time2": ("week", "fortnight", "month"),
}

# Machine-translation-style rewrites: a phrase and what a poor translation turns it into.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("declared", "stated", "told", "has said"),
    "about": ("around", "approximately", "some"),
    "residents": ("inhabitants", "habitants", "dwellers"),
    "people": ("persons", "population"),
    "officials": ("functionaries", "the officials", "authorities"),
    "government": ("governance", "the government", "executive"),
    "region": ("province", "oblast", "area"),
    "expected": ("awaited", "anticipated"),
    "promised": ("pledged", "gave promise"),
    "however": ("but", "nevertheless"),
    "according to": ("as said by", "following to", "by information of"),
    "more than": ("above", "more of"),
    "at least": ("minimum", "not less than"),
    "the first time": ("first time", "the first once"),
    "complaint": ("claim", "complain"),
    "the capital": ("capital city", "the capital city"),
    "town": ("city", "settlement"),
    "village": ("settlement", "locality"),
    "warned": ("cautioned", "made warning"),
    "money": ("funds", "financing"),
    "cost": ("price", "expense"),
    "week": ("weekly period", "seven days"),
    "children": ("kids", "infants"),
    "workers": ("employees", "labourers", "workmen"),
    "announced": ("informed", "made announcement"),
    "reported": ("informed", "communicated"),
    "large": ("big", "great"),
    "small": ("little", "minor"),
    "new": ("fresh", "novel"),
    "quickly": ("fast", "rapidly"),
    "problem": ("issue", "trouble"),
    "help": ("assistance", "aid"),
    "plan": ("project", "scheme"),
    "families": ("households", "family members"),
    "decided": ("took decision", "resolved"),
}

_FUNCTION = ("in", "of", "on", "at", "to", "for", "and", "the", "a", "by", "with", "from")
_SPLIT_SENTENCES = re.compile(r"(?<=[.!?\"])\s+(?=[\"A-Z])")


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literal phrases, factored by prefix (re has no trie of its own)."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not optional else "(?:" + "|".join(alts) + ")"
        return body + "?" if optional else body

    return emit(trie)


_SYNONYM_RE = re.compile(r"\b(" + _trie_pattern(list(SYNONYMS)) + r")\b")
# The same phrases for str.replace, between spaces (so "cost" does not touch "costs").
_SYNONYM_ITEMS = tuple((f" {k} ", tuple(f" {v} " for v in vs)) for k, vs in SYNONYMS.items())
# Targets of the corruptions, one pattern each.
_RUN_FUNC = re.compile(r"\b(in|of|on|at|to|for|and) (the|a|this|its)\b")
_RUN_NAME = re.compile(r"\b([A-Z][a-z]{2,}) (in|of|and|at|on|to)\b")
_RUN_WORDS = re.compile(r"\b([a-z]{3,}) ([a-z]{3,})\b")
_POSSESSIVE = re.compile(r"\b(\w+)'s\b")
_HYPHEN = re.compile(r"\b([a-z]+)-([a-z]+)\b")
_REPEAT = re.compile(r"\b(the|a|to|of|and|in|was|has|will|for|on|said)\b")
_CAPITALISE = re.compile(r"(?<=[a-z,] )([a-z]{5,})\b")
_OCR = re.compile(r"\b([a-z]*)(m|d|l)([a-z]*)\b")
_OCR_SWAP = {"m": "rn", "d": "cl", "l": "1"}

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = _w("January February March April May June July August September October November December")
_TOPIC_NAMES = tuple(TOPICS)
_EPOCH = dt.date(2024, 1, 1).toordinal()
_LETTERS = "abc"


class GeneratedArticle(NamedTuple):
    """One generated article: `article_id` is the file name without `.txt`; `date` and `title`
    may be None/empty (the file then has no date or title line)."""

    article_id: str
    date: dt.date | None
    section: str
    title: str
    body: str

    def file_text(self) -> str:
        head = []
        if self.date is not None:
            head.append(f"date {self.date.isoformat()} {self.section}")
        if self.title:
            head.append(self.title)
        return "\n".join([*head, self.body]) + "\n"


def _pick(seq: tuple[str, ...] | list[str], r: Callable[[], float]) -> str:
    """`random.choice` without its overhead (the corpus generator draws millions of these)."""
    return seq[int(r() * len(seq))]


def _num(lo: int, hi: int, r: Callable[[], float]) -> int:
    return lo + int(r() * (hi - lo + 1))


# Slots drawn anew at every use: numbers, days, months and the lower-case WORDS. The versions of
# a story are rewrites of one filled-in text, so they still share every number.
_DRAW: dict[str, Callable[[Callable[[], float]], str]] = {
    "NA": lambda r: str(_num(3, 60, r)),
    "NB": lambda r: str(_num(101, 990, r)),
    "NC": lambda r: f"{_num(11, 480, r)},{_num(0, 9, r)}00",
    "PC": lambda r: f"{_num(4, 78, r)}.{_num(0, 9, r)}",
    "YR": lambda r: str(_num(1968, 2023, r)),
    "KM": lambda r: f"{_num(2, 90, r)}.{_num(1, 9, r)}" if r() < 0.5 else str(_num(12, 640, r)),
    "MON": lambda r: f"{_num(2, 95, r)}.{_num(1, 9, r)} million {_pick(('euros', 'dollars', 'tenge'), r)}",
    "AGE": lambda r: str(_num(19, 78, r)),
    "DAY": lambda r: _pick(_DAYS, r),
    "MONTH": lambda r: _pick(_MONTHS, r),
    **{key: (lambda r, seq=seq: _pick(seq, r)) for key, seq in WORDS.items()},
}


class _Slots(dict):
    """A story's fixed slots (names, places, organisation); any other key is drawn from _DRAW."""

    __slots__ = ("_r",)

    def __init__(self, values: dict[str, str], r: Callable[[], float]) -> None:
        super().__init__(values)
        self._r = r

    def __missing__(self, key: str) -> str:
        return _DRAW[key](self._r)


def _story_slots(rng: random.Random, topic: dict[str, tuple[str, ...]]) -> dict[str, str]:
    r = rng.random
    slots: dict[str, str] = {}
    roles = rng.sample(topic["roles"], 4)
    for k in range(4):
        sur = _pick(_SUR_A, r) + _pick(_SUR_B, r) + _pick(_SUR_C, r)
        slots[f"P{k}"] = f"{_pick(GIVEN, r)} {sur}"
        slots[f"S{k}"] = sur
        slots[f"R{k}"] = roles[k]
    slots["PL"] = _pick(_PLACE_A, r) + _pick(_PLACE_B, r) + _pick(_PLACE_C, r)
    slots["PL2"] = _pick(_PLACE_A, r) + _pick(_PLACE_B, r) + _pick(_PLACE_C, r)
    slots["RG"] = _pick(_REGION, r)
    org = f"{_pick(_ORG_ADJ, r)} {_pick(topic['org'], r)}"
    slots["ORG"] = org
    slots["ORGA"] = "".join(w[0] for w in org.replace("'", "").split() if w[0].isupper())
    slots["EV"] = _pick(topic["event"], r)
    slots["THING"] = _pick(topic["thing"], r)
    return slots


def _clean_paragraphs(rng: random.Random, topic: dict[str, tuple[str, ...]], slots: _Slots) -> list[list[str]]:
    """The clean version: 300-900 words as paragraphs of 1-4 sentences."""
    r = rng.random
    target = _num(300, 900, r)
    pool = [*topic["sentences"], *GENERIC]
    pool.sort(key=lambda _: r())  # a shuffle; cheaper than random.shuffle
    # The lead: one of the topic's first sentences, the natural openers.
    lead = _pick(topic["sentences"][:3], r)
    pool.remove(lead)
    pool.insert(0, lead)
    paragraphs: list[list[str]] = []
    words = 0
    i = 0
    while words < target:
        para = []
        for _ in range(1 + int(r() * 4)):
            if i == len(pool):  # a very long article: reuse sentences (with new numbers)
                pool.sort(key=lambda _: r())
                i = 0
            s = pool[i].format_map(slots)
            i += 1
            para.append(s)
            words += s.count(" ") + 1
            if words >= target:
                break
        paragraphs.append(para)
    return paragraphs


def _rewrite(rng: random.Random, paragraphs: list[list[str]]) -> list[str]:
    """A machine-translation-style rewrite: swapped neighbour sentences, moved paragraph breaks,
    synonym and word-order swaps. Returns paragraph lines."""
    r = rng.random
    sentences = [s for para in paragraphs for s in para]
    for k in range(len(sentences) - 1):
        if r() < 0.2:
            sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
    out: list[str] = []
    k = 0
    while k < len(sentences):
        size = 1 + int(r() * 4)
        out.append(" ".join(sentences[k : k + size]))
        k += size
    text = "\n".join(out)
    # Swap a random share of the phrases (the first 1-3 uses of each); str.replace is fast enough
    # for 100,000 articles, a regex with a callback is not.
    rate = 0.2 + 0.5 * r()
    for phrase, choices in _SYNONYM_ITEMS:
        if r() < rate:
            text = text.replace(phrase, _pick(choices, r), 1 + int(r() * 3))
    return text.split("\n")


def _apply_once(rng: random.Random, pattern: re.Pattern[str], text: str, make: Callable[[re.Match[str]], str]) -> str:
    """Apply `make` to the first match of `pattern` after a random position (else the first)."""
    m = pattern.search(text, int(rng.random() * len(text))) or pattern.search(text)
    if m is None:
        return text
    return text[: m.start()] + make(m) + text[m.end() :]


_CORRUPTIONS: tuple[tuple[float, re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (0.26, _RUN_FUNC, lambda m: m.group(1) + m.group(2)),  # "inthe"
    (0.16, _RUN_NAME, lambda m: m.group(1) + m.group(2)),  # "Ostravelin"
    (0.06, _RUN_WORDS, lambda m: m.group(1) + m.group(2)),  # "tankerberth"
    (0.14, _POSSESSIVE, lambda m: m.group(1) + "s"),  # "Korvadels"
    (0.10, _HYPHEN, lambda m: m.group(1) + " -" + m.group(2)),  # "large -scale"
    (0.12, _REPEAT, lambda m: m.group(1) + " " + m.group(1)),  # "the the"
    (0.10, _CAPITALISE, lambda m: m.group(1).capitalize()),  # "Ballots"
    (0.06, _OCR, lambda m: m.group(1) + _OCR_SWAP[m.group(2)] + m.group(3)),  # "sumrner"
)
_CORRUPTION_CUM = [sum(c[0] for c in _CORRUPTIONS[: k + 1]) for k in range(len(_CORRUPTIONS))]


def _corrupt(rng: random.Random, lines: list[str]) -> list[str]:
    """Garble 0.5-4 tokens per 100 words (each in a random line) and add stray '|' lines."""
    r = rng.random
    words = sum(line.count(" ") + 1 for line in lines)
    count = max(1, round(words * (0.5 + 3.5 * r()) / 100))
    for _ in range(count):
        k = int(r() * len(lines))
        x = r() * _CORRUPTION_CUM[-1]
        _, pattern, make = next(c for c, cum in zip(_CORRUPTIONS, _CORRUPTION_CUM, strict=True) if x <= cum)
        lines[k] = _apply_once(rng, pattern, lines[k], make)
    for _ in range(_pick((0, 0, 1, 1, 2), r)):
        lines.insert(_num(1, len(lines), r), "|")
    return lines


def _story(seed: int, index: int) -> list[GeneratedArticle]:
    rng = random.Random(seed * 1_000_003 + index)
    r = rng.random
    # The first stories cover every topic once, so even a tiny corpus is varied.
    name = _TOPIC_NAMES[index] if index < len(_TOPIC_NAMES) else _pick(_TOPIC_NAMES, r)
    topic = TOPICS[name]
    slots = _Slots(_story_slots(rng, topic), r)
    section = _pick(topic["section"], r)
    day = _EPOCH + int(r() * 730)
    title = _pick(topic["title"], r).format_map(slots)
    clean = _clean_paragraphs(rng, topic, slots)
    x = r()
    versions = 1 if x < 0.40 else 2 if x < 0.75 else 3
    clean_at = int(r() * versions)
    slug = f"s{index:06d}-{name}-{slots['PL'].lower()}"
    out = []
    for v in range(versions):
        if v == clean_at:
            body = "\n".join(" ".join(p) for p in clean)
            head = title
        else:
            body = "\n".join(_corrupt(rng, _rewrite(rng, clean)))
            head = _SYNONYM_RE.sub(lambda m: _pick(SYNONYMS[m.group(1)], r), title)
        date = dt.date.fromordinal(day + int(r() * 3)) if r() < 0.92 else None
        out.append(GeneratedArticle(f"{slug}_{_LETTERS[v]}", date, section, head if r() < 0.85 else "", body))
    return out


def generate_texts(n: int, seed: int = 1) -> list[GeneratedArticle]:
    """`n` articles (ids, dates, sections, titles, bodies) in memory, story by story."""
    out: list[GeneratedArticle] = []
    index = 0
    while len(out) < n:
        out.extend(_story(seed, index))
        index += 1
    return out[:n]


def generate(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """`n` articles as (filename, file text) in the job's input format."""
    return [(a.article_id + ".txt", a.file_text()) for a in generate_texts(n, seed)]


def write_corpus(articles: list[tuple[str, str]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in articles:
        (out / name).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of articles (default 300)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the .txt files into")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    articles = generate(args.n, args.seed)
    write_corpus(articles, args.out)
    words = sum(len(text.split()) for _, text in articles)
    print(
        f"wrote {len(articles)} articles ({words} words) to {args.out} in {time.perf_counter() - started:.2f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
