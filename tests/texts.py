"""Sample texts shared by the tests, written for this project (not taken from any article)."""

CLEAN = (
    "The regional council in Karaganda approved a new water plan on Tuesday after three months of debate. "
    "Council chair Aigerim Nurlanovna said the plan would repair 140 kilometres of pipes and build two "
    "treatment stations before the end of 2027. Farmers’ groups welcomed the decision, although some "
    "members warned that the budget of $42 million might not be enough."
)

# The same story, machine-translated badly: run-together words, a broken apostrophe, a
# duplicated word, a hyphen-space break, a stray symbol and wrong capitals.
GARBLED = (
    "The council of region in Karaganda has approved on Tuesday a plan of water new, after of three "
    "months of debate. The chair of council Aigerim Nurlanovna said that the plan would repair 140 "
    "kilometres of pipes and build two stations of treatment before the end of 2027 inthe region. "
    "Groups of Farmers welcomed the the decision, although some membersof the council warned that the "
    "budget of Karagandas water long -term plan of $42 million could not to be enough.\n|"
)

GARBLED_TOKENS = ["inthe", "the", "membersof", "Karagandas", "long -term", "|"]

# Correct text full of rare names, accents, acronyms and numbers: nothing may be flagged.
NEGATIVE = (
    "In Ouagadougou, Oumarou Sawadogo of ECOWAS met Nguyen Thi Lan and Łukasz Wróbel on 12 March. "
    "The 3.5 km post-war bridge, rebuilt for €4.2bn, reopened at 06:30, said @transport_bf on its "
    "website, https://example.org/news. Tshisekedi’s envoy joined them at the café."
)
