"""Vocabulary and sentence templates of the synthetic benchmark corpus (`bench.corpus`).

All written for this benchmark: invented people, towns, regions and organisations, and news-style
sentence templates. A template's upper-case slots are fixed per story (names, places) or drawn at
each use (numbers, days, the story's own nouns, adjectives and verbs); see `bench.corpus`.
"""

from __future__ import annotations


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
SUR_A = _w(
    "Ost Var Bel Kor Dem Sal Tur Mer Gal Pol Ren Hav Lin Drov Kas Fen Zar Mol Ber Tam Vel Dor Sev Ham Jur Pel "
    "Nov Rask Ul Gor Tel Bram Ves Kel Mar Sok Dal Fir Orl Zhan"
)
SUR_B = _w("a e i o u an el ov ir ad um es ol ak in ar")
SUR_C = _w("vel dorf ski kova enko sen ardi mez well berg tani vic lund kaya rov mann chev ssi baum nyi")
PLACE_A = _w(
    "Kok Tal Mir Ves Bra Dun Sol Har Zel Ost Ran Pel Tor Kav Lum Nar Ser Gol Bel Fen Ard Mos Vil Kir Sar Tem "
    "Bor Lisk Yar Dov Ral Ush"
)
PLACE_B = _w("a e o i u ar en or el an is ov ur ak ez ul ir ash em on as")
PLACE_C = _w("terek ford grad vik mouth stan dale pol burg haven lia ton sk bridge")
# Regions, villages, streets and companies are compounds too: a few hundred regions, each in a
# small share of the stories, as in a real country's news.
REGION_A = _w(
    "Sary Val Ost Kel Durn Meri Tash Lind Brev Kor Selv Ulm Zhet Vorn Pall Grey Isk Rov Tesk Aral Bakh Cher Dost "
    "Ferg Hald Ivel Jarn Kast"
)
REGION_B = _w("bel dora mark varia holm vale kara ovia asse anth ane ara")
VILLAGE_B = _w("ovka ino evo ishki yar kul bulak tobe sai agash")
STREET_KIND = _w("Street Avenue Road Lane Embankment Boulevard")
COMPANY_B = _w("ex ona tek ra vest gaz com lin avia trans")
COMPANY_KIND = ("", "", " Group", " Holdings", " Industries", " Logistics")
ORG_ADJ = _w(
    "National Regional Northern Southern Eastern Western Central United Independent Federal Coastal Upland "
    "Provincial Civic Metropolitan Rural"
)

# -- topics --------------------------------------------------------------------------------------
# Story-level slots (upper case) are fixed for a story so that its versions share them:
# P0-P5 full names, S0-S5 surnames, R0-R5 roles, PL/PL2 towns, VL a village, ST a street, CO a
# company, RG region, ORG/ORGA organisation,
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

# -- a story's own vocabulary --------------------------------------------------------------------
# Each story draws a dozen nouns, a few adjectives and verbs from these lists and keeps returning
# to them, as a real story keeps returning to its ferry, its tolls and its harbour. Countable
# nouns only (plurals are formed by rule in `plural`).
NOUNS = tuple(
    dict.fromkeys(
        _w(
            """
    ferry harbour toll bridge tunnel tram bus depot terminal warehouse pier jetty quay lighthouse runway
    hangar airfield motorway junction roundabout flyover underpass viaduct canal lock reservoir dam weir
    pipeline substation transformer turbine pylon generator boiler furnace refinery smelter mill quarry
    mine shaft colliery kiln foundry brewery distillery bakery dairy creamery abattoir tannery sawmill
    greenhouse orchard vineyard paddock pasture meadow barn silo granary stable kennel hatchery fishery
    trawler barge tugboat dinghy yacht freighter tanker container crane forklift tractor harvester plough
    combine trailer lorry van minibus ambulance helicopter drone satellite antenna radar beacon siren
    hydrant sprinkler valve pump meter sensor camera scanner printer laptop tablet server router cable
    hospital clinic pharmacy ward laboratory surgery hospice sanatorium kindergarten nursery school
    academy college campus library archive museum gallery theatre cinema stadium arena gymnasium pool
    racecourse velodrome marina promenade boulevard avenue alley courtyard square market bazaar arcade
    mall kiosk pavilion bandstand fountain monument statue memorial cemetery chapel cathedral monastery
    mosque synagogue temple shrine fortress castle palace mansion manor cottage bungalow tenement
    apartment dormitory hostel hotel motel inn campsite shelter barracks prison courthouse tribunal
    embassy consulate ministry council committee commission agency bureau inspectorate ombudsman
    regulator watchdog tribunal cooperative syndicate consortium conglomerate subsidiary franchise
    startup bank lender insurer pension mortgage loan bond dividend tariff subsidy levy rebate grant
    voucher stipend allowance bonus salary wage contract lease licence permit quota auction tender bid
    merger takeover bankruptcy lawsuit verdict appeal injunction indictment subpoena warrant inquest
    audit inquiry referendum petition manifesto coalition caucus delegation envoy mediator negotiator
    lobbyist auditor inspector surveyor engineer architect planner contractor labourer welder
    electrician plumber carpenter mason miner fisherman shepherd beekeeper vintner baker butcher grocer
    pharmacist midwife paramedic surgeon dentist veterinarian pilot conductor driver courier postman
    firefighter lifeguard ranger warden janitor caretaker volunteer pensioner tenant landlord commuter
    cyclist pedestrian motorist passenger tourist pilgrim refugee migrant apprentice graduate lecturer
    curator archivist librarian sculptor painter composer violinist choir orchestra festival carnival
    parade exhibition auction fair expo summit conference seminar workshop hackathon marathon regatta
    tournament derby league trophy medal podium scoreboard referee goalkeeper striker coach scout
    glacier volcano geyser crater canyon gorge ravine plateau dune marsh swamp lagoon estuary delta
    fjord reef peninsula island archipelago riverbank floodplain watershed aquifer spring well borehole
    wildfire drought blizzard avalanche landslide mudslide hailstorm heatwave cyclone tornado earthquake
    tremor aftershock eruption outbreak epidemic vaccine antibiotic ventilator stretcher mattress
    blanket generator lantern radio telescope microscope observatory asteroid comet meteorite fossil
    skeleton manuscript fresco mosaic tapestry sculpture painting textbook curriculum syllabus diploma
    scholarship exam timetable uniform canteen playground classroom dormitory garage workshop factory
    assembly plant shipyard dockyard slipway cargo shipment consignment pallet crate barrel
    budget deficit surplus invoice receipt ledger spreadsheet database website
    app platform algorithm blackout outage shortage backlog queue strike walkout lockout
    protest rally march vigil boycott blockade checkpoint curfew evacuation rescue search patrol convoy
    """
        )
    )
)
ADJECTIVES = _w(
    """
    ageing ambitious abandoned bitter bold brittle busy chaotic cautious cheap controversial costly
    crowded crumbling decisive delayed dilapidated disputed dramatic dusty efficient elderly empty
    expensive experimental fragile frozen generous gradual grim hasty historic hostile humble idle
    inadequate influential informal isolated landmark lengthy lucrative makeshift marginal massive
    modest muddy narrow neglected noisy obsolete ongoing outdated overcrowded overdue patchy peaceful
    polluted popular prolonged promising provisional quiet rapid remote rival rocky rural rusty scarce
    seasonal sheltered shallow sluggish sprawling stagnant steep sticky stubborn sudden surprising
    tentative temporary thriving tight tiny tough troubled unexpected unfinished unpaid unpopular
    unprecedented unstable urgent vacant valuable vast vulnerable wealthy windswept wooden worn
    """
)
# Past participles that fit "the ferry was ___" and "officials have ___ the ferry".
VERBS = _w(
    """
    approved delayed criticised postponed expanded suspended inspected funded cancelled blocked defended
    questioned rebuilt renovated reviewed restricted announced challenged praised closed reopened sold
    relocated modernised audited abandoned damaged repaired upgraded replaced extended investigated
    rejected endorsed examined mapped measured monitored photographed demolished dismantled flooded
    evacuated insured leased licensed merged nationalised privatised rationed redesigned reinforced
    restored scrapped shortened simplified subsidised surveyed taxed tested tracked transferred vandalised
    """
)


def plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh", "z")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


# Sentences any story can use. {N}/{NS} one of the story's nouns (singular/plural; {AN} with
# "a"/"an"), {A} a story adjective, {V} a story verb; drawn again at every use.
GENERIC: tuple[str, ...] = (
    "Officials said the full picture would only become clear in the coming {time}.",
    "{P2}, {R2}, {said} the {NS} had been {A} for years and nobody in {PL} had listened.",
    "The {ORG} {said} it would publish a report on the {N} by the end of {MONTH}.",
    "Local media reported that {NA} people had been questioned about the {N} in {PL2}.",
    "The government has come under pressure to explain why the {N} was {V} so late.",
    "Residents of {PL} {said} the {NS} near their homes were {A} and {A}.",
    "{S0} {said} the situation around the {N} remained {adj} but under control.",
    '"We will not leave anyone behind," {S1} told a news conference in {PL} on {DAY}.',
    "Opposition politicians called for an inquiry into how the {N} was {V}.",
    "The {RG} region, home to about {NC} people, has {NB} {NS} and only one {N}.",
    "Similar complaints about {NS} were reported in {PL2}, though on a smaller scale.",
    "{S2} {said} the cost of the {A} {N} was likely to rise to {MON}.",
    "The minister is expected to visit the {N} in {PL} later this week, according to his office.",
    "A spokesperson for the {ORGA} declined to comment on the {NS}.",
    "Economists estimate that the {A} {NS} could shave {PC} per cent off the region's growth this year.",
    "Volunteers from {PL2} arrived at the {N} with food, blankets and medicine on {DAY}.",
    "Questions remain about who will pay to repair the {N} and the {NS} around it.",
    "{P3}, {R3}, {said} people were {adj} about what would happen to the {N}.",
    "According to the {ORG}, the number of {NS} in the region has more than doubled since {YR}.",
    "In a statement, the {ORGA} said the {N} had been {V} in line with the rules in force at the time.",
    "Many families in {PL} rely on the {N} for their income, and a few lost days can mean real hardship.",
    "The region's governor has promised a cross-border working group on {NS} with neighbouring provinces.",
    "Photos shared online from {PL} showed {AA} {N} and long queues outside.",
    "{S3} {said} the lessons of {YR} had not been learned, pointing to the {A} {NS}.",
    "The next meeting of the regional council, on {DAY}, will discuss the {N} and the {NS}.",
    "A poll published in {MONTH} found that {PC} per cent of residents consider the {N} {A}.",
    "{S1} {said} a so-called quick fix for the {N} would only postpone the problem.",
    "Human rights groups urged the authorities to explain why the {NS} were {V}.",
    "Businesses near the {N} reported a sharp fall in customers over the past {time}.",
    "The {ORGA}'s board will meet on {DAY} to discuss the {A} {N}.",
    "{PL}'s mayor said the town needed a long-term plan for its {NS} rather than emergency money.",
    "Officials in the capital said they were following the dispute over the {N} closely.",
    "Critics note that the {N} was first promised in {YR} and never delivered.",
    "The figures on the {NS} could not be independently verified.",
    "Earlier this year, a report by the {ORG} warned that the {NS} were {A}.",
    "{S0} has overseen the {N} for {NA} years and is widely respected in {PL}.",
    "More than {NB} complaints about the {NS} have been filed with the regional ombudsman since {MONTH}.",
    "The state-owned broadcaster gave the {N} only a brief mention in its evening news.",
    "Some residents said they would leave {PL} for good if the {N} was not {V}.",
    "The {ORGA} said the {adj} response to the {N} showed that year-on-year investment was paying off.",
    "Officials in {PL} declined to say how many staff had been assigned to the {N}.",
    "The {ORG} has been criticised before for {A} decisions about {NS}.",
    "Television pictures from {PL} showed a crowd gathered outside the {N}.",
    "{S2} said the region needed {NA} more {NS} and a clear budget for the next {few} years.",
    "The regional prosecutor said she would look into whether the {N} had been {V} lawfully.",
    "A petition calling for the {N} to be {V} has gathered {NC} signatures.",
    "The governor of {RG} said on {DAY} that every district would have its own {N} within {NA} months.",
    "Neighbouring {PL2} offered to share its {NS}, an offer that was accepted on {DAY}.",
    "Some experts doubt that the promised {MON} will be enough to cover the {A} {NS}.",
    "{S1}, who grew up near the {N} in {PL2}, said older residents had seen nothing like it.",
    "The national statistics office said the region had {NC} {NS} registered at the end of {MONTH}.",
    "Local radio stations interrupted their programmes to report on the {N} every hour.",
    "The {N} has dominated conversation in the cafes and markets of {PL} for a {time2}.",
    "{S3}'s office said more details about the {NS} would be released after the meeting on {DAY}.",
    "For many in {PL}, the {N} has become a test of whether local government can deliver.",
    "A regional newspaper in {PL2} devoted its whole front page to the {A} {N} on {DAY}.",
    "Several foreign organisations have offered technical advice on the {NS}, the ministry said.",
    "The last time the region faced a comparable problem with its {NS} was in {YR}.",
    "Police said they had opened {NA} criminal cases related to the {N} so far.",
    "{S0} said the priority now was to restore trust in the {N}, not to look for someone to blame.",
    "Bus services between {PL} and {PL2} were cut to two a day while the {N} was {V}.",
    "Aid agencies say at least {NC} people in the {RG} region depend on the {NS}.",
    "The cabinet discussed the {N} at its weekly meeting, a government source said.",
    "In {PL}, a town of {NC}, almost everyone knows someone who works at the {N}.",
    "{S2} added that a full review of the {NS} would take at least {NA} months.",
    "A group of local entrepreneurs has set up a fund to buy {AN} {N} for the town.",
    "Religious leaders in {PL} called for calm and held a joint prayer near the {N} on {DAY}.",
    "The authorities have opened a hotline about the {NS}, which received {NB} calls on its first day.",
    "Regional lawmakers plan to hold a public hearing on the {N} in {MONTH}.",
    "The {ORGA} admitted that its own forecasts for the {NS} had been too optimistic.",
    "Independent experts said the official count of {A} {NS} was probably an underestimate.",
    "Residents have started a page online to share news about the {N} and offers of help.",
    "{S1} said the {ORG} would need a bigger budget next year to keep the {NS} running.",
    "There was no immediate response from the ministry to a request for comment on the {N}.",
    "The {N} in {PL} was {V} in {YR} and again in {YR}, each time at great expense.",
    "Engineers say {AA} {N} of this kind needs an inspection at least once a year.",
    "The {A} state of the {NS} is visible to anyone who drives through {PL}.",
    "At the {N} on the edge of {PL}, {NA} workers were sent home on {DAY}.",
    "{P1}, {R1}, {said} the {NS} would have to be {V} before winter.",
    "Under the plan, each {N} would receive {MON} over {few} years.",
    "The {ORGA} wants the {NS} to be {V} and the money spent on {AA} {N} instead.",
    "Documents seen by local reporters show that the {N} was {V} without a public tender.",
    "A {A} {N} is not what {PL} needs, {S3} {said}, calling instead for more {NS}.",
    "Young people in {PL} say the {NS} are one reason they are leaving for the capital.",
    "The {N} employs {NB} people, making it one of the largest employers in the district.",
    "Last {MONTH}, a similar {N} in {PL2} was {V} after a string of complaints.",
    "Plans for {AN} {N} near {PL2} have been {V} twice since {YR}.",
    "A local historian said the first {N} in {PL} was built more than a century ago.",
    "The ministry confirmed that {NA} {NS} across the region had been {V} this year.",
    "{S0} {said} the {N} was {A} but that closing it would be worse.",
    "A report by the {ORGA} described the {NS} as {A} and {A}.",
    "Residents queued at the {N} from early morning on {DAY}, some after travelling {KM} kilometres.",
    "The {NS} are owned by a company registered in {PL2}, according to public records.",
    "Opposition councillors accused the mayor of treating the {N} as a personal project.",
    "The dispute over the {N} has split the town council into two camps.",
    "{P0} first raised concerns about the {NS} in a letter to the governor in {YR}.",
    "Without the {N}, the nearest alternative is {KM} kilometres away in {PL2}.",
    "The {ORG} plans to open {AA} {N} in {PL} by the end of next year.",
    "Tourists who came to see the {N} found it {V} and fenced off.",
    "Insurance companies have paid out {MON} in claims related to the {NS}.",
    "{P4}, {R4}, {said} the first signs of trouble appeared on {ST} in {PL} in {MONTH}.",
    "In the village of {VL}, {NA} kilometres from {PL}, the {N} is the only one for miles.",
    "{CO}, which runs the {N} in {PL}, said it had followed every instruction from the {ORGA}.",
    "{S4} said {CO} had been warned about the {NS} at least {few} times.",
    "A meeting at the school on {ST} drew more than {NB} residents on {DAY} evening.",
    "{P5}, {R5}, {said} the people of {VL} felt ignored by both {CO} and the regional government.",
    "Shopkeepers on {ST} said trade had halved since the {N} was {V}.",
    "{S5} {said} the next few {time} would decide the future of the {N} in {VL}.",
    "The contract for the {N} was awarded to {CO} in {YR} without a public tender, {S4} {said}.",
    "{CO} shares fell {PC} per cent on {DAY} after the news about the {NS}.",
    "Families in {VL} said they had not been told when the {N} would be {V}.",
    "{S5}, who runs a small shop on {ST}, said she had lost {NB} customers a week.",
    "A lawyer for {CO}, {P4}, said the company would cooperate fully with the {ORGA}.",
    "Residents of {VL} and {PL2} plan to march along {ST} to the governor's office on {DAY}.",
)

WORDS: dict[str, tuple[str, ...]] = {
    "said": ("said", "told reporters", "added", "noted", "insisted", "told local radio", "argued", "warned"),
    "adj": ("difficult", "tense", "serious", "uncertain", "worrying", "calm", "confused", "fragile"),
    "time": ("days", "weeks", "months"),
    "time2": ("week", "fortnight", "month"),
    "few": ("two", "three", "four", "five", "several", "ten"),
}

# Machine-translation-style rewrites: a phrase and what a poor translation turns it into.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("declared", "stated", "told", "has said", "communicated"),
    "told": ("said to", "informed"),
    "about": ("around", "approximately", "some"),
    "residents": ("inhabitants", "habitants", "dwellers", "locals"),
    "people": ("persons", "population", "citizens"),
    "officials": ("functionaries", "the officials", "authorities", "civil servants"),
    "government": ("governance", "the government", "executive", "cabinet"),
    "region": ("province", "oblast", "area", "territory"),
    "regional": ("provincial", "territorial", "oblast"),
    "expected": ("awaited", "anticipated", "foreseen"),
    "promised": ("pledged", "gave promise", "vowed"),
    "however": ("but", "nevertheless"),
    "according to": ("as said by", "following to", "by information of"),
    "more than": ("above", "more of", "over"),
    "at least": ("minimum", "not less than"),
    "the first time": ("first time", "the first once"),
    "complaints": ("claims", "complains", "grievances"),
    "the capital": ("capital city", "the capital city", "the metropole"),
    "town": ("city", "settlement", "municipality"),
    "village": ("settlement", "locality", "hamlet"),
    "warned": ("cautioned", "made warning", "alerted"),
    "money": ("funds", "financing", "means"),
    "cost": ("price", "expense"),
    "week": ("weekly period", "seven days"),
    "children": ("kids", "infants", "minors"),
    "workers": ("employees", "labourers", "workmen", "staff"),
    "announced": ("informed", "made announcement", "declared"),
    "reported": ("informed", "communicated", "relayed"),
    "large": ("big", "great", "sizeable"),
    "small": ("little", "minor", "modest"),
    "new": ("fresh", "novel", "newly"),
    "quickly": ("fast", "rapidly", "swiftly"),
    "problem": ("issue", "trouble", "difficulty"),
    "help": ("assistance", "aid", "support"),
    "plan": ("project", "scheme", "programme"),
    "families": ("households", "family members"),
    "decided": ("took decision", "resolved"),
    "spokesperson": ("press secretary", "representative", "speaker"),
    "statement": ("declaration", "communique", "announcement"),
    "inquiry": ("investigation", "probe", "examination"),
    "meeting": ("session", "gathering", "assembly"),
    "council": ("soviet", "assembly", "board"),
    "mayor": ("city head", "akim", "burgomaster"),
    "minister": ("secretary", "head of ministry"),
    "years": ("year", "years long"),
    "company": ("firm", "enterprise", "corporation"),
    "report": ("study", "paper", "review"),
    "experts": ("specialists", "analysts", "professionals"),
    "budget": ("budgetary means", "funding"),
    "support": ("backing", "help"),
    "local": ("locale", "the local", "municipal"),
    "repair": ("fix", "renovate", "mend"),
    "crowd": ("mass", "multitude", "gathering"),
    "district": ("raion", "quarter", "neighbourhood"),
    "criticised": ("critiqued", "made critic of", "condemned"),
    "inspection": ("control", "check-up", "examination"),
    "employees": ("workforce", "personnel"),
    "nobody": ("no one", "none"),
    "closely": ("attentively", "carefully"),
    "almost": ("nearly", "practically"),
}
