"""Each named rule of the coder on a sentence of its own (none from the seed report), #12.

A case states what the rule makes right, and the same sentence is coded again without the rule to show that
the rule is what makes it right. A rule added to the coder without a case here fails
``test_every_rule_has_a_case``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pytest

from diplomap.extract import coder as coder_module
from diplomap.extract import modality as modality_module
from diplomap.extract import rules as rules_module
from diplomap.extract.records import code_records
from diplomap.model import Document, Modality

Event = dict[str, Any]


@dataclass(frozen=True)
class Case:
    rule: str
    text: str
    date: str
    holds: Callable[[list[Event]], bool]  # what the rule makes true of the coded events
    record: bool = False  # a rule of the record of news (pipeline.extract), not of sentence coding


def one(etype: str, source: set[str] | None = None, target: set[str] | None = None, modality: str | None = None,
        location: str | None = None, start: str | None = None) -> Callable[[list[Event]], bool]:
    """Some event of this type with exactly these sides (or modality, place, start)."""
    def holds(events: list[Event]) -> bool:
        return any(e["type"] == etype and (source is None or set(e["source"]) == source)
                   and (target is None or set(e["target"]) == target)
                   and (modality is None or e["modality"] == modality)
                   and (location is None or e["location"] == location)
                   and (start is None or e["start"] == start) for e in events)
    return holds


def none_of(etype: str, modality: str = "happened") -> Callable[[list[Event]], bool]:
    """No event of this type is told as done."""
    return lambda events: not any(e["type"] == etype and e["modality"] == modality for e in events)


REVIEW = ("In January, the two states opened talks. In February and March, trade grew. April and May brought "
          "a visit. In June, they signed a pact. ")

CASES = [
    # parties and place (rules.py)
    Case("hosted_guests_visit", "Delegations of Egypt and Sudan, hosted by Ethiopia, met in Addis Ababa on 3 March "
         "2024.", "2024-03-04", one("CONSULT", {"EGY", "SDN"}, {"ETH"})),
    Case("possessor_holds_the_stance", "The minister affirmed Canada's resolute support for Philippine sovereignty on "
         "3 May 2024.", "2024-05-04", one("SUPPORT", {"CAN"}, {"PHL"})),
    Case("partner_in_described_object", "Vietnam upgraded the agreement, which it signed with Japan in 2023, on 5 May "
         "2025.", "2025-05-06", one("SUPPORT", {"VNM"}, {"JPN"})),
    Case("demanded_clause_names_target", "China demanded that the Philippines withdraw its vessels on 3 June 2025.",
         "2025-06-04", one("REQUEST", {"CHN"}, {"PHL"})),
    Case("admission_toward_the_wronged", "Chile acknowledged on 4 March 2024 that its missiles had shot down a "
         "Peruvian airliner.", "2024-03-05", one("CONCEDE", {"CHL"}, {"PER"})),
    Case("reaction_drawn", "Chilean police arrested 12 Peruvian traders and two Bolivian drivers on 3 June 2024, "
         "drawing a protest from Lima.",
         "2024-06-05", one("ACCUSE", {"PER"}, {"CHL"})),
    Case("reaction_drawn", "Chile's decision drew criticism from Peru on 3 June 2024.", "2024-06-05",
         one("ACCUSE", {"PER"}, {"CHL"})),
    Case("also_the_same_stance", "Bolivia condemned Chile's drills on 3 June 2024. Peru also voiced concern on 3 June "
         "2024.", "2024-06-05", one("ACCUSE", {"PER"}, {"CHL"})),
    Case("anaphoric_counterparts", "Chile and Peru clashed at the border on 2 June 2024. Bolivia called on both "
         "sides on 3 June 2024 to stop.", "2024-06-05", one("REQUEST", {"BOL"}, {"CHL", "PER"})),
    # one: the last other party named ("the previous government" is another one, no pointer back)
    Case("anaphoric_counterparts", "Chile closed its border with Peru on 3 June 2024, accusing the country of "
         "harbouring smugglers.", "2024-06-05", one("ACCUSE", {"CHL"}, {"PER"})),
    # the partner named in a relative clause on the subject
    Case("partner_in_described_object", "The Chilean foreign minister, who is visiting Peru, signed three "
         "agreements on 3 June 2024.", "2024-06-05", one("AGREE", {"CHL"}, {"PER"})),
    Case("call_with_the_addressed", "In a phone call on 3 June 2024, Boric told Peru's president that Chile would "
         "reopen the border.", "2024-06-05", one("CONSULT", {"CHL"}, {"PER"}, start="2024-06-03")),
    Case("visit_hosted_by_place_state", "The Indian foreign minister arrived in Beijing on 14 July 2025.",
         "2025-07-15", one("CONSULT", {"IND"}, {"CHN"})),
    Case("visit_to_meet_someone", "Indian officials travelled to Doha to meet the Taliban on 12 May 2025.",
         "2025-05-13", lambda events: any(e["mode"] == "Visit" and e["target"] == ["AFG"] for e in events)),
    Case("stance_on_the_act_it_names", "Chile has condemned the memorandum of understanding signed between Peru and "
         "Bolivia.", "2024-01-18", one("ACCUSE", {"CHL"}, {"PER", "BOL"})),
    Case("stance_on_a_told_act", "Chilean troops seized a border post in Peru on 8 December 2024. Ecuador and "
         "Colombia held talks on 9 December 2024. Bolivia condemned the seizure on 9 December 2024.", "2024-12-10",
         one("ACCUSE", {"BOL"}, {"CHL"})),
    # several others named just before: the story's main other party, not the first of them
    Case("counterpart_from_previous_sentence", "Kenya and Somalia have quarrelled over their maritime border for "
         "months. Kenya accused Somalia on 2 May 2025 of arming militias.\n\nOn 3 May 2025, Uganda and Somalia held "
         "talks in Kampala on trade. On 4 May 2025, the Kenyan government condemned the move.", "2025-05-05",
         one("ACCUSE", {"KEN"}, {"SOM"}, start="2025-05-04")),
    Case("counterpart_from_previous_sentence", "Vladimir Putin met Kassym-Jomart Tokayev in Astana on 27 November "
         "2024. The Russian president praised the agreement.", "2024-11-28", one("SUPPORT", {"RUS"}, {"KAZ"})),
    Case("pronoun_or_anaphor_subject", "Japan held talks with South Korea in Tokyo on 7 May 2025. The two sides "
         "agreed to resume shuttle diplomacy.", "2025-05-08", one("AGREE", {"JPN", "KOR"})),
    Case("scene_of_the_sentence", "At a summit in Kuala Lumpur on 26 October 2025, Thailand and Cambodia signed a "
         "peace declaration.", "2025-10-27", one("AGREE", {"THA", "KHM"}, location="Kuala Lumpur")),
    Case("pronoun_or_anaphor_subject", "Canadian Prime Minister Mark Carney and Mexican President Claudia Sheinbaum "
         "said they would work on a trade plan. Their meeting in Mexico City on 3 June 2025 came as both face tariffs.",
         "2025-06-04", one("CONSULT", {"CAN", "MEX"})),
    Case("pronoun_or_anaphor_subject", "Speaking after his meeting with Indian Prime Minister Narendra Modi on 3 June "
         "2025, Australian Prime Minister Anthony Albanese said ties were strong.", "2025-06-04",
         one("CONSULT", {"AUS"}, {"IND"})),
    Case("talks_hosted_by_the_seat_state", "Cuban President Miguel Diaz-Canel held talks at the Kremlin on 3 June "
         "2025.", "2025-06-04", one("CONSULT", {"CUB"}, {"RUS"})),
    Case("visitor_of_the_visit", "The agreements were signed in Pretoria on 3 June 2025 during the state visit of "
         "Chinese President Xi Jinping.", "2025-06-04", one("CONSULT", {"CHN"}, {"ZAF"})),
    Case("a_joint_aim_asks_no_one", "Xi Jinping met Gustavo Petro in Beijing on 3 June 2025. Xi told Petro that the "
         "two countries should seize the anniversary of their ties.", "2025-06-04", none_of("REQUEST")),
    Case("mission_hosted_by_place_state", "Chile closed its embassy in Lima on 3 June 2024.", "2024-06-05",
         one("SANCTION", {"CHL"}, {"PER"})),
    # (a crowd's clash is a riot, PLOVER PROTEST: type_changes.csv crowds_rioting)
    Case("people_act_for_their_state", "Protesters in Nairobi clashed with police on 25 June 2025.", "2025-06-26",
         one("PROTEST", {"KEN"})),
    Case("text_speaks_for_its_issuer", "Chile's president received a letter from Peruvian President Dina Boluarte "
         "recognizing Chile's claim to the islands.", "2024-05-04", one("SUPPORT", {"PER"}, {"CHL"})),
    Case("text_speaks_for_its_issuer", "The UN Security Council adopted a resolution on Monday demanding an "
         "immediate ceasefire in Sudan.", "2025-06-30", one("REQUEST", {"UN"}, {"SDN"})),
    # (a measure made law: its maker does what it does, also in reported speech; a measure revoked does nothing)
    Case("text_speaks_for_its_issuer", "Radio reported on October 28 that Chile's parliament had passed a law banning "
         "Peru's state airline.", "2024-10-29", one("COERCE", {"CHL"}, {"PER"})),
    Case("discussed_topic_is_no_party", "Prabowo and Anwar on 8 June 2025 discussed the South China Sea, where both "
         "countries have overlapping claims with China.", "2025-06-09",
         lambda events: any(e["type"] == "CONSULT" and not e["location"] and "CHN" not in e["target"] for e in events)),
    Case("parties_of_the_setting", "Chile's president visited Peru on 3 May 2024. During the summit, agreements were "
         "concluded in several areas.", "2024-05-04", one("AGREE", {"CHL", "PER"})),
    Case("parties_of_the_setting", "The agreements were signed on 23 June 2025 during the Malian president's visit to "
         "Moscow.", "2025-06-24", one("AGREE", {"MLI", "RUS"})),
    Case("partner_of_the_setting", "Gabriel Boric signed 13 agreements during a meeting with Xi Jinping in Beijing on "
         "17 October 2023.", "2023-10-18", one("AGREE", {"CHL"}, {"CHN"})),
    Case("met_by_the_doers", "Chile and Bolivia failed to reach an agreement on water rights at talks in Lima on 4 May "
         "2025.", "2025-05-05", one("CONSULT", {"CHL", "BOL"})),
    Case("officials_of_the_two_sides", "Peru and Chile agreed on 4 May 2025 to reopen their border. The deal came "
         "after talks between trade ministers in Lima on 3 May 2025.", "2025-05-05",
         one("CONSULT", {"PER", "CHL"}, start="2025-05-03")),
    Case("officials_of_the_two_sides", "Peru and Chile signed a fisheries pact in Lima on 3 May 2025. It was signed by "
         "officials after a bilateral meeting.", "2025-05-05",
         one("CONSULT", {"PER", "CHL"}, start="2025-05-03")),
    Case("courtesy_call", "Chile's foreign minister called on President Dina Boluarte in Lima on 4 May 2025.",
         "2025-05-05", one("CONSULT", {"CHL"}, {"PER"})),
    Case("courtesy_call", "Chile's foreign minister paid a courtesy call on Peru's president on 4 May 2025.",
         "2025-05-05", one("CONSULT", {"CHL"}, {"PER"})),
    Case("met_separately_by_each", "On 4 May 2025, in Brasilia, the leaders of Chile and Peru met separately with EU "
         "heads; President of France, Emmanuel Macron; and Federal Chancellor of Germany, Olaf Scholz.", "2025-05-05",
         lambda events: sorted(tuple(e["source"]) for e in events if e["type"] == "CONSULT") == [("CHL",), ("PER",)]),
    Case("between_the_ones_told", "Chile and Peru agreed on Wednesday to expand trade. Talks between the two "
         "countries were held in Lima.", "2025-08-28", one("CONSULT", {"CHL", "PER"})),
    Case("signed_with_the_one_met", "Before signing the agreement on Sunday, Chile's president visited Lima's old "
         "town and spoke to Peru's President Dina Boluarte in private.", "2024-09-15", one("AGREE", {"CHL"}, {"PER"})),
    Case("signed_with_the_one_met", "Chilean Senate chair Maria Soto on Thursday ended her visit to Peru, where she "
         "met President Dina Boluarte and Prime Minister Gustavo Adrianzen, and signed a memorandum on trade.",
         "2024-05-10", one("AGREE", {"CHL"}, {"PER"})),
    Case("released_by_the_holder", "Chile announced on 4 May 2025 the release of three Chileans detained in Peru.",
         "2025-05-05", one("RETREAT", {"PER"}, {"CHL"})),
    Case("them_of_the_clause_above", "Chile's president met with Peru's president in Lima on 4 May 2025 and urged him "
         "to make peace with Bolivia.", "2025-05-05", one("REQUEST", {"CHL"}, {"PER"})),
    Case("them_of_the_clause_above", "Peru expelled three Chilean diplomats on 4 May 2025, accusing them of spying.",
         "2025-05-05", one("ACCUSE", {"PER"}, {"CHL"})),
    Case("announced_request", "Chile's president said on 4 May 2025 that he would ask Peru to reopen the border.",
         "2025-05-05", one("REQUEST", {"CHL"}, {"PER"}, modality="happened")),
    Case("announced_measure", "Peru's president announced on 4 May 2025 that Peru will break diplomatic relations with "
         "Chile.", "2025-05-05", one("SANCTION", {"PER"}, {"CHL"}, modality="happened")),
    Case("envoys_ordered_home", "Peru's foreign minister on 4 May 2025 ordered Peru's ambassador to Chile to return "
         "to Lima immediately.", "2025-05-05", one("SANCTION", {"PER"}, {"CHL"})),
    Case("envoys_ordered_summoned", "Chile's foreign minister said on 4 May 2025 that he had ordered the Peruvian "
         "ambassador in Santiago to be summoned to the ministry.", "2025-05-05", one("ACCUSE", {"CHL"}, {"PER"})),
    Case("came_under_attack", "The Ukrainian border town came under attack by Russian drones on 2 June 2025.",
         "2025-06-04", one("ASSAULT", {"RUS"}, {"UKR"})),
    Case("came_under_attack", "Lebanon's army said on 2 June 2025 that the border area had come under shelling from "
         "the Syrian side.", "2025-06-04", one("ASSAULT", {"SYR"}, {"LBN"})),
    Case("its_is_not_the_doer", "Japan lodged a protest with China on 3 June 2025 after a Chinese military aircraft "
         "violated its airspace.", "2025-06-04", one("COERCE", {"CHN"}, {"JPN"})),
    Case("strikes_target_the_place_state", "Chile and Bolivia were behind the attack on Arequipa on 3 June 2024.",
         "2024-06-05", one("ASSAULT", {"CHL", "BOL"}, {"PER"})),
    # (two attackers: a lone state acting at home would fall on the place's state by self_target_at_home too)
    Case("strikes_target_the_place_state", "Russian and Belarusian forces struck energy facilities in Kyiv on 10 "
         "October 2025.", "2025-10-11", one("ASSAULT", {"RUS", "BLR"}, {"UKR"})),
    Case("project_works_by_linked_states", "The construction of the China–Kyrgyzstan–Uzbekistan railway started on "
         "27 December 2024.", "2024-12-28", one("COOPERATE", {"CHN", "KGZ", "UZB"})),
    Case("chosen_to_do_the_work", "On 3 May 2025, Peru's transport ministry chose Spain's Acciona to lead "
         "construction of the country's first metro line.", "2025-05-04", one("COOPERATE", {"PER"}, {"ESP"})),
    Case("adversary_is_no_party", "Chile pledged on 3 June 2024 to support Peru in its fight against Bolivia.",
         "2024-06-05", one("AGREE", {"CHL"}, {"PER"})),
    Case("adversary_is_no_party", "Chile condemned Bolivia's attack on Peru on 3 June 2024.", "2024-06-05",
         one("ACCUSE", {"CHL"}, {"BOL"})),
    Case("adversary_is_no_party", "Chile condemned the strike on Peru's capital on 3 June 2024.", "2024-06-05",
         lambda events: not any(e["type"] == "ACCUSE" and "PER" in e["target"] for e in events)),
    Case("adversary_is_no_party", "Chile cut ties with Peru over Bolivia's mediation on 3 June 2024.", "2024-06-05",
         lambda events: one("SANCTION", {"CHL"}, {"PER"})(events) and not any("BOL" in e["target"] for e in events)),
    # drills facing no state named in their sentence face the story's other party
    Case("self_target_at_home", "Rwanda received seven migrants deported from the United States on 3 August 2025.",
         "2025-08-04", one("COERCE", {"USA"}, {"RWA"})),
    Case("self_target_at_home", "Peru accused Chile of provocations on 2 June 2024. Chile's navy launched exercises in "
         "the Strait of Magellan on 3 June 2024.", "2024-06-05", one("MOBILIZE", {"CHL"}, {"PER"})),
    Case("self_target_at_home", "Pakistan arrested dozens of opposition activists on 9 May 2023.", "2023-05-10",
         one("COERCE", {"PAK"}, {"PAK"})),
    Case("self_target_at_home", "Chile mobilised its troops on 9 May 2023 after a Peruvian patrol crossed the border.",
         "2023-05-10", one("MOBILIZE", {"CHL"}, {"PER"})),
    Case("its_neighbour_is_the_other_party", "Chile and Peru will meet on Saturday, a day after Lima launched air "
         "strikes on its neighbour.", "2023-05-12", one("ASSAULT", {"PER"}, {"CHL"})),
    Case("clash_with_the_subject", "Two Chilean soldiers were wounded in clashes with Peruvian troops on 3 June "
         "2024.", "2024-06-05", one("ASSAULT", {"CHL", "PER"})),
    Case("all_parties_act", "There were clashes between Thailand and Cambodia on 24 July 2025.", "2025-07-25",
         one("ASSAULT", {"THA", "KHM"})),
    # how the event is told (modality.py)
    Case("negated", "Pakistan did not attack India on 4 March 2025.", "2025-03-05",
         one("ASSAULT", modality="negated")),
    Case("denied", "Brazil refused to meet Argentina on 4 March 2025.", "2025-03-05",
         one("CONSULT", {"BRA"}, {"ARG"}, modality="negated")),
    Case("negated", "No country has recognized Somaliland as a state.", "2025-03-05", none_of("SUPPORT")),
    Case("asked", "Did Israel strike Iran on 13 June 2025?", "2025-06-14", none_of("ASSAULT")),
    Case("came_before", "Ethiopia and Somalia agreed to end the dispute after talks in Ankara on 11 December 2024.",
         "2024-12-12", one("CONSULT", {"ETH", "SOM"}, modality="happened")),
    # the parties' own talks, hung by the parser on the infinitive, were held on the day of the agreement
    Case("held_during", "Kenya and Ethiopia agreed to expand trade during their talks in Nairobi on Tuesday.",
         "2024-10-07", one("CONSULT", modality="happened", start="2024-10-01")),
    # a reported "will" is a plan, and a plan to give is a promise: AGREE (type change "promise")
    Case("reported_will", "Canada announced on 30 July 2025 that it would give Jordan a grant for refugees.",
         "2025-07-31", one("AGREE", {"CAN"}, {"JOR"}, modality="happened")),
    Case("believed", "Somalia's president argued on 3 May 2025 that Ethiopia had supplied weapons to the rebels.",
         "2025-05-04", none_of("AID")),
    Case("act_as_a_subject", "Chile's minister stated on 3 June 2024 that restricting the import of vehicles from Peru "
         "won't enhance the situation.", "2024-06-04", lambda events: not any(e["target"] for e in events)),
    Case("purpose_told", "Chile shut a pipeline on 3 June 2024, which was meant to transport oil to Peru.",
         "2024-06-04", lambda events: not any("PER" in e["target"] for e in events)),
    Case("kept_from", "Chile barred its ministers from visiting Peru on 3 June 2024.", "2024-06-04",
         none_of("CONSULT")),
    Case("habitual", "Since 1995 the assembly of the OAS has annually adopted a resolution condemning Cuba.",
         "2025-01-21", none_of("ACCUSE")),
    Case("habitual", "Chilean officials often describe Peru as a reliable partner.", "2025-01-21",
         none_of("SUPPORT")),
    Case("standing_status", "The group is banned by Chile and Peru.", "2025-01-21", none_of("COERCE")),
    Case("known_for", "Peru summoned the ambassador of Chile, known for its attack on Bolivia on 3 January.",
         "2025-01-21", none_of("ASSAULT")),
    Case("on_the_eve", "Chile and Peru signed a fisheries accord on 3 March 2024, on the eve of the visit of "
         "Peru's president to Chile.", "2024-03-05", none_of("CONSULT")),
    Case("on_the_eve", "The presidents of Chile and Peru discussed the agenda on Wednesday ahead of the April 25 "
         "Chile-Peru consultations meeting.", "2024-04-12", one("CONSULT", modality="planned", start="2024-04-25")),
    Case("modal", "Iran could strike Israel again.", "2025-06-20", one("ASSAULT", modality="hypothetical")),
    Case("conditional_clause", "The sanctions stay until Chile agrees to a ceasefire and participates in talks with "
         "Peru.", "2025-03-05", none_of("CONSULT")),
    Case("conditional_clause", "If Venezuela attacks Guyana, the United States will respond.", "2024-01-10",
         one("ASSAULT", {"VEN"}, {"GUY"}, modality="hypothetical")),
    Case("time_to_come", "Chile and Peru will set up a council. It will meet in Lima soon after the two presidents "
         "sign a joint declaration.", "2025-03-05", none_of("AGREE")),
    Case("planned_noun", "Preparations for the upcoming meeting between Xi Jinping and Donald Trump began on 2 "
         "March 2025.", "2025-03-03", one("CONSULT", {"CHN", "USA"}, modality="planned")),
    Case("weighed", "Chile said on 3 June 2024 that it was weighing a ban on Peruvian apps.", "2024-06-04",
         one("COERCE", modality="hypothetical")),
    Case("in_case_of", "The move makes Japanese forces more nimble in the event of a Chinese invasion of Taiwan, "
         "Tokyo said on 10 April 2024.", "2024-04-11", one("ASSAULT", {"CHN"}, {"TWN"}, modality="hypothetical")),
    Case("forecast_of_its_subject", "The agreement between Chile and Peru is expected to be signed soon, Lima said on "
         "3 June 2025.", "2025-06-04", none_of("AGREE")),
    Case("wanted", "Turkey showed interest in buying Russian gas on 3 April 2025.", "2025-04-04",
         one("COOPERATE", target={"RUS"}, modality="planned")),
    Case("decided", "The talks resumed after Chile's decision to lift its tariffs on Peru, officials said on Tuesday.",
         "2025-03-05", one("RETREAT", {"CHL"}, {"PER"}, modality="happened")),
    Case("decided", "India decided to expel six Canadian diplomats on 14 October 2024.", "2024-10-15",
         one("SANCTION", {"IND"}, {"CAN"}, modality="happened")),
    Case("embedded_plan", "India and China are expected to sign a border deal in Beijing.", "2025-06-01",
         one("AGREE", {"IND", "CHN"}, modality="expected")),
    Case("headline_infinitive", "Yoon and Kishida to meet for summit in Tokyo", "2023-03-09",
         one("CONSULT", modality="planned")),
    Case("future", "Mexico will send troops to the border with the United States.", "2025-02-04",
         none_of("MOBILIZE")),
    Case("under_future_verb", "The ceasefire will pave the way for a meeting of Thai and Cambodian ministers.",
         "2025-07-29", none_of("CONSULT")),
    Case("present_state", REVIEW + "Turkey supports Hungary in every forum.", "2025-12-15", none_of("SUPPORT")),
    Case("bare_verb", "Help Ukraine, Poland urges Germany.", "2025-04-04", none_of("AID")),
    Case("once_done", "Chile's new president, who once pledged support to Venezuela's opposition, met Peru's "
         "president on Monday.", "2025-03-04", none_of("AGREE")),
    Case("ongoing_since", "Chile and Peru have been negotiating a fisheries deal since March, officials said on "
         "Monday.", "2025-07-02", none_of("CONSULT")),
    # (for a long while, grammar.toml nouns.long_whiles: "raging" is "rage", grammar.toml lemmas)
    Case("ongoing_since", "Chile is trying to ease tensions in Peru, where fighting has been raging for more than a "
         "year.", "2025-06-05", none_of("ASSAULT")),
    # (a toll counted since a day long past, in the present perfect)
    Case("ongoing_since", "Fighting between Chile and Peru has killed thousands of people since April 2023, officials "
         "said on 3 June 2025.", "2025-06-04", none_of("ASSAULT")),
    # (a long while up to now, grammar.toml nouns.lately)
    Case("over_a_long_while", "In recent years, Peru's police have arrested dozens of Chilean nationals on spying "
         "charges.", "2025-05-07", one("COERCE", {"PER"}, {"CHL"}, modality="background")),
    Case("over_a_long_while", "For years, Peru has accused Chile of spying.", "2025-05-07",
         one("ACCUSE", {"PER"}, {"CHL"}, modality="background")),
    Case("counted_since", "Zelensky met Milei in Buenos Aires on Sunday, on his first trip to Latin America since "
         "Russia's invasion.", "2023-12-11", none_of("ASSAULT")),
    Case("once_done", "Chile and Peru agreed on 16 March 2023 to resume dialogue. Chile previously suspended "
         "its purchases of Peruvian fish.", "2023-03-18", one("SANCTION", {"CHL"}, {"PER"}, modality="background")),
    Case("told_before", "Japan and South Korea agreed on 16 March 2023 to resume dialogue. Seoul had threatened to "
         "stop sharing intelligence with Japan.", "2023-03-18",
         one("THREATEN", {"KOR"}, {"JPN"}, modality="background")),
    Case("background", "India conducted nuclear tests in 1998 and Pakistan answered with its own tests.",
         "2025-05-10", one("MOBILIZE", modality="background")),
    # type changes (knowledge/type_changes.csv, retype.py)
    Case("joint_exercise", "India and France held joint military exercises in Rajasthan on 18 June 2025.",
         "2025-06-19", one("COOPERATE", {"IND", "FRA"})),
    Case("no_longer_hostile", "Chile announced on 9 December 2024 that it will no longer veto Peru's membership in the "
         "alliance.", "2024-12-10", one("RETREAT", {"CHL"}, {"PER"})),
    Case("no_longer_support", "Chile no longer recognises Peru's government, the minister said on 9 December 2024.",
         "2024-12-10", one("REJECT", {"CHL"}, {"PER"})),
    Case("critical_statement", "Chile and Bolivia signed a strongly worded statement about Peru's border restrictions "
         "on 13 June 2025.", "2025-06-14", one("ACCUSE", {"CHL", "BOL"})),
    Case("verbal_clash", "There was a verbal clash between Chile and Peru on 13 June 2025.", "2025-06-14",
         one("ACCUSE", {"CHL", "PER"})),
    Case("government_protest", "China's foreign ministry protested against the transit of Taiwan's president on 2 "
         "August 2025.", "2025-08-03", one("ACCUSE", {"CHN"})),
    Case("forces_sent_to_help", "Kenya deployed 400 police officers to Haiti to lead a security mission on 25 June "
         "2024.", "2024-06-26", one("AID", {"KEN"}, {"HTI"})),
    # a decision to meet or to build is an agreement to, dated when decided
    Case("decided_talks", "The EU decided on 3 May 2025 to open accession negotiations with Moldova.", "2025-05-04",
         one("AGREE", {"EU"}, {"MDA"}, modality="happened", start="2025-05-03")),
    Case("decided_cooperation", "Laos decided on 3 May 2025 to build a railway with Vietnam.", "2025-05-04",
         one("AGREE", {"LAO"}, {"VNM"}, modality="happened", start="2025-05-03")),
    # recognition announced is recognition given (the guide's SUPPORT), not a promise to agree
    Case("announced_recognition", "Canada announced on 30 July 2025 that it would recognise the State of Palestine "
         "in September.", "2025-07-31", one("SUPPORT", {"CAN"}, {"PSE"}, modality="happened")),
    Case("announced_easing", "The European Union will lift its sanctions on Niger, its foreign policy chief said on "
         "Tuesday.", "2025-06-26", one("RETREAT", {"EU"}, {"NER"}, modality="happened", start="2025-06-24")),
    Case("promise", "Japan will give Vietnam a grant for flood relief.", "2025-06-26",
         one("AGREE", {"JPN"}, {"VNM"})),
    # the promise is news of the day it was made; the visit in June stays a plan
    Case("announced_visit", "The German foreign minister will visit Albania in June.", "2025-03-01",
         one("AGREE", {"DEU"}, {"ALB"}, modality="happened", start="2025-03-01")),
    Case("expelled_by_the_state_left", "The Chilean ambassador was ordered to leave Peru within 72 hours on 3 June "
         "2024.", "2024-06-04", one("SANCTION", {"PER"}, {"CHL"})),
    Case("it_is_the_one_named_before", "Damage to a Peruvian fishing boat is shown after two Chilean navy ships fired "
         "water cannon at it on 3 June 2024.", "2024-06-04", one("ASSAULT", {"CHL"}, {"PER"})),
    Case("absent_is_no_party", "Peru held talks with Bolivia on 3 June 2024 without Chile.", "2024-06-04",
         one("CONSULT", {"PER"}, {"BOL"})),
    Case("one_partys_text_agrees_nothing", "Chile issued a communique on 3 June 2024 condemning Peru.", "2024-06-04",
         none_of("AGREE")),
    Case("reached_with_the_teller", "Chile announced on 3 June 2024 that an agreement had been reached with Peru.",
         "2024-06-04", one("AGREE", {"CHL"}, {"PER"})),
    Case("forum_of_the_complaint", "Peru filed a complaint with the African Union against Chile on 3 June 2024.",
         "2024-06-04", one("ACCUSE", {"PER"}, {"CHL"})),
    # (in the record of news only: sentence coding codes the state, as PLOVER does)
    Case("private_voices_are_no_party", "Chilean analysts criticised the Peruvian drills on 3 June 2024.",
         "2024-06-05", lambda events: not any(e["type"] == "ACCUSE" for e in events), record=True),
    Case("private_voices_are_no_party", "The Argentine pope expressed concern for a Peruvian bishop on 3 June 2024.",
         "2024-06-05", lambda events: not any(e["type"] == "ACCUSE" for e in events), record=True),
    Case("refused_membership", "Chile will not join the OECD, its president said on 3 May 2024.", "2024-05-04",
         one("REJECT", {"CHL"}, {"OECD"}, modality="happened")),
    Case("stayed_away", "India did not attend the summit in Beijing on 3 June 2025.", "2025-06-04",
         one("REJECT", {"IND"})),
    Case("parties_of_the_meeting_told", "The OAS held an extraordinary meeting in Washington on 3 June 2025. Mexico "
         "did not attend the meeting.", "2025-06-04", one("REJECT", {"MEX"}, {"OAS"})),
    Case("refusal", "Chile did not sign the joint statement with Peru on 3 May 2024.", "2024-05-04",
         one("REJECT", {"CHL"})),
    Case("refusal", "Serbia cannot accept the independence of Kosovo, its president said on 26 October 2023.",
         "2023-10-27", one("REJECT", {"SRB"})),
    Case("mutual_ceasefire", "A 48-hour truce between Pakistan and Afghanistan took effect on 15 October 2025.",
         "2025-10-16", one("AGREE", target={"PAK", "AFG"})),
    Case("consent_withdrawn", "Chile withdrew its consent to the operation of the Peruvian consulate in Arica on 3 May "
         "2024.", "2024-05-04", one("SANCTION", {"CHL"}, {"PER"})),
    Case("credentials_accepted", "President Ruto accepted the credentials of Somalia's new ambassador on 3 May 2024.",
         "2024-05-04", one("SUPPORT", {"KEN"}, {"SOM"})),
    Case("leaving_a_bloc", "Mali, Niger and Burkina Faso announced their withdrawal from ECOWAS on 28 January 2024.",
         "2024-01-29", one("SANCTION", {"MLI", "NER", "BFA"}, {"ECOWAS"})),
    Case("joining_a_gathering", "Fiji joined the Pacific Islands Forum summit in Tonga on 27 August 2024.",
         "2024-08-28", one("CONSULT", {"FJI"})),
    # (joining the leaders of a gathering: taking part in their meeting)
    Case("joining_a_gathering", "Peru's president joined the Mercosur leaders in Asuncion on 4 July 2024.",
         "2024-07-06", one("CONSULT", {"PER"}, {"MERCOSUR"})),
    # before leaving_a_bloc: a summit with a bloc is left, not the bloc
    Case("leaving_a_gathering", "Mali pulled out of a regional summit with ECOWAS on 3 June 2024.", "2024-06-05",
         one("REJECT", {"MLI"}, {"ECOWAS"})),
    Case("leaving_a_gathering", "Afghanistan withdrew from the tri-nation cricket series with Pakistan on 17 October "
         "2025.", "2025-10-18", one("REJECT", {"AFG"})),
    Case("a_call_between", "Sheinbaum and Trump agreed on a truce during the call between Mexico and the United "
         "States on 3 February 2025.", "2025-02-04", one("CONSULT", modality="happened")),
    Case("guest_welcomed", "The Ethiopian delegation was warmly welcomed by President Ruto in Nairobi on 3 July 2024.",
         "2024-07-04", one("CONSULT")),
    Case("announced_refusal", "Chile will reject any talks with Peru, its foreign minister said on 3 June 2024.",
         "2024-06-05", one("REJECT", {"CHL"}, {"PER"}, modality="happened")),
    Case("threat", "The United States will impose tariffs on Mexico if the border is not closed.", "2025-02-26",
         one("THREATEN", {"USA"}, {"MEX"})),
    Case("hostile_promise", "Chile vowed to retaliate against Peru on 3 June 2024.", "2024-06-04",
         lambda ev: one("THREATEN", {"CHL"}, {"PER"})(ev) and none_of("AGREE")(ev)),
    Case("envoys_ordered_out", "Chile ordered the Peruvian ambassador to leave the country within 72 hours on 3 June "
         "2024.", "2024-06-04", one("SANCTION", {"CHL"}, {"PER"})),
    # (envoys told to go, in the passive)
    Case("envoys_ordered_out", "Five officials at the Peruvian embassy in Santiago are being asked to leave the "
         "country, Chile's foreign ministry said on 3 June 2024.", "2024-06-04", one("SANCTION", {"CHL"}, {"PER"})),
    Case("ordered_shut", "Canada ordered the Chinese consulate in Toronto closed on 3 June 2024.", "2024-06-04",
         one("SANCTION", {"CAN"}, {"CHN"})),
    Case("denial_of_a_telling", "Bolivia refuted Chile's statements on 16 March 2023.", "2023-03-17",
         one("ACCUSE", {"BOL"}, {"CHL"})),
    Case("envoys_withdrawn", "Peru's president announced on 24 February 2023 the withdrawal of her ambassador from "
         "Mexico.", "2023-02-25", one("SANCTION", {"PER"}, {"MEX"})),
    Case("crowds_gathering", "Hundreds of protesters gathered outside the French embassy in Niamey on 3 June 2025.",
         "2025-06-04", one("PROTEST", target={"FRA"})),
    Case("crowds_rioting", "Protesters stormed the Chilean embassy in Lima on 3 June 2025.", "2025-06-04",
         lambda ev: one("PROTEST", target={"CHL"})(ev) and none_of("ASSAULT")(ev)),
    Case("burned_symbol", "A Chilean activist burned a copy of the Quran outside the Peruvian embassy in Santiago on "
         "3 June 2025.", "2025-06-04", lambda ev: one("PROTEST")(ev) and none_of("ASSAULT")(ev)),
    Case("burned_symbol", "A Peruvian lawmaker burned the flag of Chile in Lima on 3 June 2025.", "2025-06-04",
         lambda ev: one("PROTEST", target={"CHL"})(ev) and none_of("ASSAULT")(ev)),
    Case("weapons_test", "Pakistan test-fired a ballistic missile on 3 June 2025, the military said.", "2025-06-04",
         one("MOBILIZE", {"PAK"})),
    Case("launch_into_the_sea", "Peru fired a ballistic missile into the sea off its coast on 3 June 2024.",
         "2024-06-05", lambda events: [e["type"] for e in events] == ["MOBILIZE"]),
    Case("halting_talks", "Peru suspended its mediation between Chile and Bolivia on 3 June 2024.", "2024-06-05",
         one("REJECT", {"PER"}, {"CHL", "BOL"})),
    Case("measure_in_force", "Chile will sever diplomatic relations with Peru as of this day, the government said on 3 "
         "May 2024.", "2024-05-04", one("SANCTION", {"CHL"}, {"PER"}, modality="happened")),
    Case("measure_in_force", "Peru's president says his government will break diplomatic relations with Chile "
         "effective Thursday.", "2024-06-05", one("SANCTION", {"PER"}, {"CHL"}, modality="happened")),
    Case("measure_in_force", "Peru's president says his government will break diplomatic relations with Chile "
         "effective Thursday in the latest escalation of tensions.", "2024-06-05",
         one("SANCTION", {"PER"}, {"CHL"}, modality="happened")),
    Case("boycotting_a_gathering", "Peru boycotted the summit hosted by Chile on 3 June 2024.", "2024-06-05",
         one("REJECT", {"PER"}, {"CHL"})),
    Case("hit_with_a_measure", "Chile hit Peru with a 30 percent tariff on copper on 3 June 2024.", "2024-06-05",
         one("SANCTION", {"CHL"}, {"PER"})),
    Case("retort_with_a_measure", "Peru hit back with its own fees on Chilean goods on 4 June 2024.", "2024-06-05",
         one("SANCTION", {"PER"}, {"CHL"})),
    Case("trade_war", "Chile launched a trade war against Peru on 3 June 2024.", "2024-06-05",
         one("SANCTION", {"CHL"}, {"PER"})),
    Case("attacked_verbally", "Boric verbally attacked Peruvian President Dina Boluarte on 3 June 2024.", "2024-06-05",
         one("ACCUSE", {"CHL"}, {"PER"})),
    Case("verbal_attack", "Boric attacked Peru's government and its remarks on 3 June 2024.", "2024-06-05",
         one("ACCUSE", {"CHL"}, {"PER"})),
    Case("regret_over_an_act", "Chile expressed great regret over the Peruvian decision on 4 March 2024.",
         "2024-03-05", one("ACCUSE", {"CHL"}, {"PER"})),
    # 'at' a decision, not 'at last'
    Case("regret_over_an_act", "Chile expressed regret at the Peruvian decision on 4 March 2024.",
         "2024-03-05", one("ACCUSE", {"CHL"}, {"PER"})),
]


def coded(pipeline: Any, case: Case) -> list[Event]:
    if case.record:
        doc = Document(id="d", text=case.text, source="d", published=date.fromisoformat(case.date))
        return [{"type": e.type, "source": list(e.source), "target": list(e.target), "modality": str(e.modality),
                 "location": e.location.name if e.location else None,
                 "start": e.date.start.isoformat() if e.date else None} for e in pipeline.extract(doc).events]
    record = {"id": case.rule, "text": case.text} | ({"date": case.date} if case.date else {})
    return list(next(code_records(pipeline, [record], tuple(Modality)))["events"])


@contextmanager
def without(pipeline: Any, name: str) -> Iterator[None]:
    """The coder with one named rule taken out."""
    mp = pytest.MonkeyPatch()
    try:
        for module, attr in ((coder_module, "BEFORE_PLACE"), (coder_module, "AFTER_PLACE"), (coder_module, "LAST"),
                             (modality_module, "RULES")):
            rules = getattr(module, attr)
            mp.setattr(module, attr, tuple(r for r in rules if r.__name__ != name))
        lex = pipeline.coder.lex
        mp.setattr(lex, "changes", tuple(c for c in lex.changes if c.name != name))
        yield
    finally:
        mp.undo()


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rule_makes_its_case_right(pipeline: Any, case: Case) -> None:
    events = coded(pipeline, case)
    assert case.holds(events), events
    with without(pipeline, case.rule):
        assert not case.holds(coded(pipeline, case)), f"{case.rule} decides nothing here"


def test_every_rule_has_a_case(pipeline: Any) -> None:
    named = {r.__name__ for r in (*rules_module.BEFORE_PLACE, *rules_module.AFTER_PLACE, *rules_module.LAST,
                                  *modality_module.RULES)} | {c.name for c in pipeline.coder.lex.changes}
    assert named == {c.rule for c in CASES}


def test_a_type_change_row_names_a_known_condition(pipeline: Any) -> None:
    from diplomap.extract.retype import CONDITIONS

    lex = pipeline.coder.lex
    bad = replace(lex.changes[0], condition="no_such_test")
    mp = pytest.MonkeyPatch()
    mp.setattr(lex, "changes", (bad,))
    try:
        with pytest.raises(KeyError, match="no_such_test"):
            coded(pipeline, CASES[-5])
    finally:
        mp.undo()
    assert {c.condition for c in lex.changes} <= set(CONDITIONS)


def test_the_lexicon_says_the_types_a_word_codes(pipeline: Any) -> None:
    # the one question rules ask of the trigger lexicon (Lexicon.word_types): alone, or in any phrase
    lex = pipeline.coder.lex
    assert "CONSULT" in lex.word_types("Summit", verb=False, alone=True)
    assert "SANCTION" in lex.word_types("recall", verb=True)
    assert "CONCEDE" in lex.word_types("drop", verb=True) and "CONCEDE" not in lex.word_types("drop", verb=True,
                                                                                            alone=True)
    assert lex.word_types("lighthouse", verb=False) == frozenset()
