#!/usr/bin/env bash
# The demo execution plan of Maastricht (GM0935) after its Scanner of September 2022:
# the actions the content meetings agreed per recommendation (the fill-in table), as a
# project leader enters them with `okoctl execution-plan add`. Fictional, but realistic.
#
#   config/examples/execution-plan-maastricht.sh --config config/okod.toml    # okod's store
#   OKOD_URL=http://127.0.0.1:8470 OKOD_TOKEN=okod_... \
#       config/examples/execution-plan-maastricht.sh                          # through the API
#
# Every argument is passed to each okoctl command (--config, --store, --at, --url, ...);
# OKOCTL names the okoctl to run (default: okoctl on the PATH). Stops at the first refusal.
set -euo pipefail
okoctl=${OKOCTL:-okoctl}
extra=("$@")

add() { "$okoctl" execution-plan add --municipality GM0935 "$@" "${extra[@]}" >/dev/null; }

# 1 Alcoholverstrekking aan minderjarigen in sportkantines
add --recommendation 1 --priority hoog \
    --intervention "Training Instructie Verantwoord Alcoholschenken (IVA) voor barvrijwilligers" \
    --relevance "In de Scanner schenken 9 van de 16 jeugdsportverenigingen aan minderjarigen" \
    --feasibility "De sportverenigingen willen meedoen; trainers van Novadic-Kentron beschikbaar" \
    --money 6000 --fte 0,1 --other-resources "Kantine van de vereniging als trainingslocatie" \
    --effectiveness "Goed onderbouwd; werkt samen met leeftijdscontrole aan de bar" --recognised no \
    --obstacles "Veel wisseling van barvrijwilligers" --period "jan 2023 – dec 2023" \
    --responsible "Gemeente Maastricht (sportbeleid) met Novadic-Kentron" \
    --considerations "Snel te doen en zichtbaar voor ouders" \
    --status groen --remark "14 van de 16 verenigingen getraind"
add --recommendation 1 --priority middel \
    --intervention "Alcoholvrije kantine tijdens jeugdwedstrijden" \
    --relevance "Jongeren zien volwassenen drinken bij hun wedstrijden" \
    --feasibility "Vraagt een bestuursbesluit per vereniging" \
    --other-resources "Materialen van NIX18 en Sportief Maastricht" \
    --effectiveness "Normstellend; onderdeel van de Gezonde Sportkantine" --recognised no \
    --obstacles "Omzetverlies voor de vereniging" --period "2023 – 2024" \
    --responsible "Sportverenigingen, begeleid door Sportief Maastricht" \
    --status oranje --remark "6 verenigingen doen mee"

# 2 Voorlichting aan ouders over alcohol en cannabis
add --recommendation 2 --priority hoog \
    --intervention "Ouderavonden Helder op School op alle vo-scholen" \
    --relevance "Ouders onderschatten het alcohol- en cannabisgebruik van hun kind" \
    --feasibility "Past in de bestaande ouderavonden van de scholen" \
    --money 4500 --fte 0,2 --other-resources "Aula van de scholen" \
    --effectiveness "Onderdeel van Helder op School" --recognised yes \
    --obstacles "Lage opkomst van ouders in de bovenbouw" --period "sep 2023 – jun 2024" \
    --responsible "Novadic-Kentron (preventiewerker) met de scholen" \
    --considerations "Bereikt de meeste ouders" \
    --status oranje --remark "5 van de 8 scholen hadden hun ouderavond"
add --recommendation 2 --priority laag \
    --intervention "Nieuwsbrief voor ouders met de uitkomsten van de jeugdmonitor" \
    --relevance "Ouders kennen de cijfers van hun eigen stad niet" \
    --fte 0,05 --effectiveness "Informatief; ondersteunt de ouderavonden" --recognised no \
    --period "na elke jeugdmonitor" --responsible "GGD Zuid Limburg" \
    --status groen --remark "verstuurd in april 2024"

# 3 Signalering van middelengebruik op school
add --recommendation 3 --priority middel \
    --intervention "Training vroegsignalering voor mentoren en zorgcoördinatoren" \
    --relevance "Mentoren herkennen middelengebruik laat" \
    --feasibility "Scholen willen het, maar hebben weinig ruimte in het jaarrooster" \
    --money 3000 --effectiveness "Goed onderbouwd" --recognised no \
    --obstacles "Roostering en vervanging van docenten" --period "voorjaar 2024" \
    --responsible "GGD Zuid Limburg" \
    --status rood --remark "nog niet gestart: trainer gezocht"

# 4 Handhaving op evenementen
add --recommendation 4 --priority hoog \
    --intervention "Leeftijdscontrole met polsbandjes bij Preuvenemint en carnaval" \
    --relevance "Veel jongeren drinken voor het eerst op evenementen" \
    --feasibility "Organisatoren zijn bereid; boa's beschikbaar in het seizoen" \
    --money 8000 --fte 0,3 --other-resources "Polsbandjes en controleposten" \
    --effectiveness "Naleving stijgt bij zichtbare handhaving" --recognised no \
    --obstacles "Drukte aan de ingangen" --period "elk evenementenseizoen" \
    --responsible "Gemeente Maastricht (handhaving) en de organisatoren" \
    --considerations "Raakt de grootste groep jongeren" \
    --status oranje --remark "bij Preuvenemint ingevoerd, bij carnaval nog niet"

"$okoctl" execution-plan list --municipality GM0935 "${extra[@]}"
