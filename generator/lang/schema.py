"""Every key a language folder may hold: its shape, its default and what it is for.

``generator/lang/<code>/*.yml`` and ``generator/lang/_all/*.yml`` are read through
:func:`generator.lang.language_data`, which checks each file against this table: a key not
listed here, or a value of another shape, stops the build with the file and line. Code that
asks for a key not listed here fails too (:class:`~generator.lang.UnknownKey`), so a misspelt
key is an error on both sides, never an empty list.

Shapes:

* ``words``: a list of words or phrases (matched case-insensitively, see :func:`~generator.lang.word_set`);
* ``patterns``: a list of regular expressions (templates may hold ``{num}``, ``{unit}``, ``{weekday}``);
* ``groups``: a mapping of a key (a measure, an event, ``m``/``f``) to a list of words;
* ``numbers``: a mapping of a word or phrase to a number;
* ``names``: a mapping of a word to one string;
* ``table``: a mapping of anything to anything the stage reads (documented per key);
* ``flag``, ``text``, ``number``: one value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Shape = Literal["words", "patterns", "groups", "numbers", "names", "table", "flag", "text", "number"]
Scope = Literal["language", "shared", "both"]


@dataclass(frozen=True)
class Key:
    """One key of the language data."""

    shape: Shape
    """What its value looks like."""
    doc: str
    """What it is for, for the contributor adding a language."""
    scope: Scope = "language"
    """Where it may be written: a language's folder, ``_all`` (shared by all), or both."""
    default: Any = None
    """The value when a language does not give it (``None``: the empty value of its shape)."""


def _k(shape: Shape, doc: str, scope: Scope = "language", default: Any = None) -> Key:
    return Key(shape, doc, scope, default)


KEYS: dict[str, Key] = {
    # ---- the language itself
    "name": _k("text", "The language's own name for itself (\"Deutsch\")."),
    "display_name": _k("text", "The language's name as the site shows it to readers (\"German\")."),
    "aliases": _k("words", "Other codes that name this language (\"no\", \"nob\" for nb): sidecars may use them."),
    "capitalises_nouns": _k("flag", "Every noun is written with a capital (German): a capital alone is no "
                                    "sign of a name, and a name needs other evidence.", default=False),
    "forms_compounds": _k("flag", "Nouns join into one word (\"Utenriksdepartementet\"): an organisation word "
                                  "may end a one-word name.", default=False),
    "genitive_s": _k("flag", "The genitive adds -s without an apostrophe (\"Bergs\", \"VGs\"): a name ending "
                             "in -s may be another name's genitive.", default=False),
    "org_word_after_name": _k("flag", "An organisation word in lower case may follow the name it belongs to "
                                      "(\"Statens vegvesen\").", default=False),
    "quoted_titles_in_title_case": _k("flag", "Titles of works are written in title case (\"The Last Summer\"): "
                                              "a quoted run of capitalised words is a title.", default=False),
    "grammatical_gender": _k("flag", "Nouns have grammatical gender: a pronoun may mean any named thing, "
                                     "not only a person.", default=False),
    "loanword_language": _k("text", "The language whose ordinary words, capitalised in a name in another "
                                    "language, make a brand or a club more often than a person (\"Color Line\"), "
                                    "and that the gazetteer's other names of a place are mostly in "
                                    "(\"Tour\" for Tours).", scope="shared"),
    "ftm_language_codes": _k("names", "Language codes FollowTheMoney knows only as their macrolanguage "
                                      "(nb, nn, no: nor).", scope="shared"),
    "lemma_rewrites": _k("table", "[pattern, replacement] pairs applied to each lemma, in order: spellings "
                                  "of one word made one (criticise/criticize)."),
    "bilingual_freedict": _k("words", "FreeDict dictionaries (\"deu-eng\", \"eng-deu\") that give this language's "
                                      "words in English: generator/text/freedict.py makes bilingual/en.tsv of them."),
    "bilingual_stems": _k("table", "[pattern, replacement] pairs tried in order on a lemma the bilingual table "
                                   "lacks, the first the table holds kept: a participle or an adverb read as its "
                                   "verb or adjective (\"fermé\": fermer, \"correctement\": correct)."),
    "clitics": _k("groups", "Word parts joined to a word by an apostrophe that say a word of their own, "
                            "with the English words they mean (\"n't\": [not], \"'ll\": [will]; an "
                            "apostrophe at the start is an ending, at the end a beginning): a bilingual "
                            "alignment reads \"don't\" as do and not."),
    "negation_words": _k("words", "Words that turn what a clause says into its opposite (\"not\", \"nie\", "
                                  "\"jamais\", \"ikke\"): a quote and its rendering in another language both "
                                  "have one or neither."),
    "inflection_endings": _k("words", "Endings cut from a word to find the word a compound ends in "
                                      "(\"Kulturministeriums\": ministerium).", scope="shared"),
    # ---- read: segmenting
    "abbreviations": _k("words", "Abbreviations that end with a period without ending the sentence."),
    "sentence_final_abbreviations": _k("words", "Abbreviations that often end a sentence: a capital after "
                                                "one starts the next (\"etc. The police\")."),
    "ordinal_period": _k("flag", "A period after a number is an ordinal (\"8. desember\"), not a sentence end.",
                         default=False),
    # ---- read: page furniture
    "furniture_line_patterns": _k("patterns", "Paragraphs of a web page that are not the article, as patterns "
                                              "matched at a paragraph's start (credits, captions, gallery items, "
                                              "\"Read more\", newsletter prompts).", scope="both"),
    "furniture_block_headers": _k("words", "Headers of a block of links (\"Read more:\", \"Lire aussi\"): the short "
                                           "paragraphs after one are links, not the article.", scope="both"),
    "furniture_credits": _k("words", "Photo credits that end a caption (\"Getty Images\", \"AFP\").", scope="shared"),
    "furniture_page_blocks": _k("words", "Parts of an HTML element's class or id that mark a block of a saved "
                                         "web page that is not the article (\"comments\", \"newsletter\", "
                                         "\"les-ogsaa\"): `casefile add` leaves the block out before it reads "
                                         "the article.", scope="both"),
    # ---- compare: wording
    "claim_stopwords": _k("words", "Function words: not content when claims are aligned, nor what a figure counts."),
    "claim_hedges": _k("words", "Words that soften a claim; dropping one changes what the speaker said."),
    "claim_conjunctions": _k("words", "Coordinating words (and, but) at which a claim is cut into clauses."),
    # ---- extract: dates
    "date_case_sensitive": _k("flag", "Month and weekday names are matched in their own case only.",
                              default=False),
    "date_case_strict": _k("words", "Relative days matched only as written (German \"morgen\", not \"Morgen\")."),
    "date_orders": _k("words", "Orders day and month are written in: md (\"Dec. 8\"), dm (\"8 December\").",
                      default=["md", "dm"]),
    "date_ordinal_suffix": _k("text", "What may follow a day's number (\"8.\", \"8th\"), as a pattern.", default=""),
    "date_weekday_links": _k("words", "Words between a weekday and the day's number (\"Freitag, den 8.\")."),
    "date_day_month_links": _k("words", "Words between the day's number and the month (\"8 of December\")."),
    "date_month_extra": _k("groups", "More names of each month (1–12) than CLDR gives."),
    "date_weekday_extra": _k("groups", "More names of each weekday (0 = Monday) than CLDR gives."),
    "date_weekday_parts": _k("words", "Parts of a day glued to or after a weekday (\"Freitagabend\", "
                                      "\"fredag kveld\")."),
    "date_weekday_modifiers": _k("numbers", "Templates with {weekday} and the direction they point: -1 last, "
                                            "1 next (\"last {weekday}\": -1)."),
    "date_relative_days": _k("numbers", "Words for a day relative to the publication (\"yesterday\": -1)."),
    "date_units": _k("groups", "Words of each time unit (day, week, month, year)."),
    "date_ago_patterns": _k("patterns", "\"{num} {unit} ago\" and the like, as patterns with groups n and unit."),
    "date_relative_units": _k("table", "Templates with {unit} and their offset (\"next {unit}\": 1), or a fixed "
                                       "phrase and [unit, offset] (\"last year\": [year, -1])."),
    "date_time_patterns": _k("patterns", "Clock times, with groups h, m and am/pm."),
    "date_time_approximate": _k("words", "Words before a clock time that make it rough (\"around\", \"vers\")."),
    "date_event_words": _k("groups", "Words that name what a date dates, by language-independent event key."),
    "date_event_particles": _k("table", "Separable verbs: an event word and the particle ending its clause, "
                                        "to the event they make together (or null for none)."),
    "date_future_words": _k("words", "Words that make a clause tell what is to come: a bare weekday is the next one."),
    "date_night_words": _k("words", "Words that make a date a night's, which straddles two days."),
    # ---- extract: figures
    "figure_decimal": _k("text", "The decimal mark.", default="."),
    "figure_group": _k("words", "Marks that group thousands.", default=[","]),
    "figure_number_words": _k("numbers", "Numbers written in words."),
    "figure_scales": _k("groups", "Scale words by factor (\"million\" under 1000000)."),
    "figure_currency_prefix": _k("names", "Currency signs before a number, to the measure they count."),
    "figure_qualifiers": _k("groups", "Words before a number that bound it, by qualifier (more_than, about, …)."),
    "figure_measures": _k("groups", "Nouns a number counts, by language-independent measure."),
    "figure_units": _k("groups", "Unit words by normalised unit (kg, lb, km, …)."),
    "figure_other_time_words": _k("words", "Words in a figure's sentence that give what it counts another time "
                                           "than the story's day: before it, or a longer period (\"last week\")."),
    "figure_determiners": _k("words", "Articles and possessives: a length after one describes the noun after it "
                                      "(\"the 40m dry well\")."),
    "figure_singular_determiners": _k("words", "Determiners of one thing: before a number above one they join a "
                                               "clause (\"says that 40 girls\"), and the number counts."),
    "contrast_classes": _k("groups", "Things one event can be told as, one or the other, as ``class:thing`` to its "
                                     "forms (\"vehicle:car\": car, cars): two sources naming one thing of a class "
                                     "differently in the same words is a finding."),
    "contrast_negations": _k("words", "Words that deny the noun right after them (\"no\", \"kein\", \"aucun\")."),
    "contrast_not": _k("words", "Words that deny the noun after an article (\"not a swap\", \"nicht ein\")."),
    "contrast_reported": _k("words", "What is reported (\"reports\", \"allegations\"): denying it denies no event."),
    "contrast_denials": _k("words", "Verbs that deny what follows within two words (\"denied doing a deal\")."),
    "figure_dimensions": _k("groups", "Words after a length that say which dimension it is (\"deep\": depth)."),
    "figure_subject_links": _k("words", "Words between a measured thing and its size (\"the well was 40 m deep\")."),
    "figure_outcome_words": _k("groups", "Words that say what happened to the people counted (dead, injured, …)."),
    "figure_context_measures": _k("groups", "Verbs near a number that name its measure (\"seen\": views)."),
    "figure_times_words": _k("words", "Words for \"times\" (\"20 million times\")."),
    "figure_link_words": _k("words", "Words between a number and what it counts (\"of\" in \"millions of\")."),
    "figure_vague_links": _k("words", "The link of a vague count (\"tens of thousands\")."),
    "figure_approximate_words": _k("words", "Number words that are approximate (\"dozen\", \"quinzaine\")."),
    "figure_vague_counts": _k("groups", "Plural number words that give only an order of size, to the [low, high] "
                                        "range each allows (\"dozens\": [24, 99])."),
    "figure_ambiguous_number_words": _k("words", "Number words that are ordinary words too (\"tre\": tree)."),
    "figure_age_patterns": _k("patterns", "Ages, as patterns with group n (\"{num}-year-old\")."),
    "figure_age_after_name": _k("flag", "An age may follow a name in brackets or commas (\"Bieber (23)\").",
                                default=True),
    "figure_age_articles": _k("groups", "Articles before an age opening a sentence, by the gender they give."),
    "figure_other_words": _k("words", "Words right before a figure or an age that make it another group's or "
                                      "person's (\"another\")."),
    "figure_per_second": _k("words", "Words for \"per second\"."),
    "figure_per_hour": _k("words", "Words for \"per hour\"."),
    "figure_range_open": _k("words", "Words opening a range (\"between\")."),
    "figure_range_join": _k("words", "Words joining a range's ends (\"and\")."),
    "figure_named_before": _k("groups", "Words right before a number that name its measure (\"magnitude\")."),
    "figure_according_words": _k("words", "Words after a figure that say who gave it (\"according to\")."),
    "figure_percent_words": _k("words", "Words for per cent after a number."),
    # ---- extract: quotes
    "quote_speech_verbs": _k("words", "Verbs that introduce or follow a quote."),
    "quote_pronouns": _k("groups", "Subject pronouns by gender, for attribution (\"sier han\")."),
    "quote_descriptors": _k("groups", "Descriptions of a speaker by gender (\"the boy\")."),
    "quote_not_subject": _k("words", "Words after a speech verb that start no subject (\"that\", \"to\")."),
    "quote_dialogue_dash": _k("flag", "Quotes may open a paragraph with a dash.", default=False),
    "quote_listener_verbs": _k("words", "Speech verbs whose object right after them is the listener, never the "
                                        "speaker (\"told CNN\", \"told Smith\")."),
    "quote_source_words": _k("words", "Words that name a quote's source right after them, never before "
                                      "(\"so Müller\", \"selon le maire\")."),
    "quote_title_joiners": _k("words", "Small words inside a long title before a name (\"minister of information "
                                       "and culture\", \"ministre de l'Intérieur\")."),
    "quote_speaker_nouns": _k("words", "Nouns for a person who speaks unnamed (\"a source\", \"officials\", \"ein "
                                       "Augenzeuge\"): a pronoun after their words is not someone named before."),
    "quote_role_articles": _k("words", "Definite articles before a role that points back to the person named "
                                       "earlier with it (\"sagte der Sprecher\", \"the spokesman said\")."),
    # ---- extract: entities
    "entity_function_words": _k("words", "Function words: never a name on their own."),
    "entity_not_names": _k("words", "Capitalised words that are no names (\"God\", \"Internet\")."),
    "entity_honorifics": _k("words", "Titles before a name (\"Mr\", \"Frau\", \"Mme\")."),
    "entity_person_roles": _k("words", "Role nouns before a name (\"singer\", \"popstjernen\")."),
    "entity_person_role_heads": _k("words", "Endings of compound role nouns (\"-stjernen\", \"-sprecherin\")."),
    "entity_person_after": _k("words", "Words after a name that make it a person's."),
    "entity_animal_cues": _k("words", "Animal nouns before a name: the name is an animal's."),
    "entity_naming_words": _k("words", "Words of naming (\"named\", \"called\") between an animal and its name."),
    "entity_storm_cues": _k("words", "Storm nouns before a name: the name is a storm's."),
    "entity_work_cues": _k("words", "Nouns before a title of a work (\"film\", \"album\")."),
    "entity_work_heads": _k("words", "Heads of compounds after a work's title (\"-premieren\")."),
    "entity_place_cues": _k("words", "Prepositions before a place (\"in\", \"aus\")."),
    "entity_street_words": _k("words", "Words that make a name a street, square or bridge."),
    "entity_place_words": _k("words", "Nouns for kinds of places: a name beside one is a place's (\"province\")."),
    "entity_direction_words": _k("words", "Words for a direction before a place's name (\"Northeastern\"): a "
                                 "qualifier."),
    "entity_direction_prefixes": _k("words", "Directions that begin a compound place name (\"Nord\" in "
                                    "\"Nordnigeria\"): a qualifier."),
    "entity_group_nouns": _k("words", "Plural nouns for people: a name ending in or before one names a group "
                             "(\"girls\")."),
    "entity_org_words": _k("words", "Words that make a name an organisation's (\"University\", \"departementet\")."),
    "entity_connectors": _k("words", "Lower-case words inside an organisation's or street's name (\"of\", \"für\")."),
    "entity_name_particles": _k("words", "Particles inside a person's name (\"van\", \"de\")."),
    "entity_coordinators": _k("words", "Words joining two names (\"and\", \"og\")."),
    "entity_articles": _k("words", "Articles and determiners before a noun (German \"ein\", \"dem\"): what "
                                   "follows is a noun, not a name."),
    "entity_indefinite_articles": _k("words", "Indefinite articles (\"a\", \"eine\"): a run of capitalised words "
                                              "right after one that ends the noun phrase names a kind of thing "
                                              "(\"a Confederate Flag\"), not one person, place or organisation."),
    "entity_adjective_endings": _k("words", "Endings of an adjective after an article (German \"deutliches\"): "
                                            "a capitalised word after one is a noun, not a name."),
    "entity_apposition_articles": _k("words", "Articles that may open an apposition after a name "
                                              "(\", a singer\").", scope="shared"),
    "entity_title_small_words": _k("words", "Small words inside a title (\"The Last Summer in the Valley\").",
                                   scope="shared"),
    "entity_definite_suffixes": _k("words", "Suffixed definite articles (\"kapteinen\": kaptein)."),
    "entity_gender_words": _k("groups", "Titles, kinship and role nouns by the gender they give."),
    "entity_gender_heads": _k("groups", "Endings of compound nouns by the gender they give."),
    "entity_gender_feminine_stems": _k("words", "Endings of agent nouns that take the feminine -in (German)."),
    "entity_gender_feminine_suffix": _k("text", "The suffix that makes an agent noun ending in one of "
                                                "entity_gender_feminine_stems feminine (German \"in\": "
                                                "\"Polizistin\")."),
    "entity_gender_articles": _k("groups", "Articles before a role noun by the gender they give (\"la ministre\")."),
    "entity_gender_pronouns": _k("groups", "Pronouns by gender, for pointing back to a person."),
    "entity_gender_stop_pronouns": _k("words", "Pronouns that end the search for a person's pronoun."),
    "entity_gender_object_context": _k("words", "Words after an object pronoun that make it no subject."),
    "entity_gender_object_pronouns": _k("words", "Pronouns that are objects before the words of "
                                                 "entity_gender_object_context (English \"her\")."),
    "entity_gender_formal_pronouns": _k("words", "Pronouns that, capitalised inside a sentence, address the "
                                                 "reader formally (German \"Sie\")."),
    "entity_gender_plural_pronouns": _k("words", "Pronouns that are plural before a plural verb (German \"sie\")."),
    "entity_gender_plural_verbs": _k("words", "Plural verb forms after a pronoun."),
    "entity_gender_plural_verb_endings": _k("words", "Endings of plural verb forms after a pronoun."),
    "entity_gender_impersonal_pronouns": _k("words", "Pronouns that are impersonal before the words of "
                                                     "entity_gender_impersonal (French \"il\")."),
    "entity_gender_impersonal": _k("words", "Words after an impersonal pronoun (\"il faut\")."),
    "entity_gender_not_subject_after": _k("words", "Words before a name that make it no subject (\"with\")."),
    "entity_gender_noun_markers": _k("groups", "Articles that mark a noun's grammatical gender."),
    "entity_given_name_genders": _k("groups", "Given names of one gender only.", scope="both"),
    "entity_given_names": _k("words", "Given names.", scope="shared"),
    "actor_platforms": _k("words", "Platforms an action is told on (\"posted on Instagram\"), as written: who did "
                                   "what where is compared across sources.", scope="shared"),
    "entity_platforms": _k("words", "Platforms people post on (\"Name | other name\").", scope="shared"),
    "entity_organizations": _k("words", "Well-known organisations named without a cue word (\"Name | other name\").",
                               scope="shared"),
    "entity_not_acronyms": _k("words", "Capitalised abbreviations that are ordinary words (TV, CEO).", scope="shared"),
    "entity_place_abbreviations": _k("names", "Country abbreviations written exactly so, to their ISO code.",
                                     scope="shared"),
    "entity_country_names": _k("groups", "Country names CLDR and pycountry no longer give, by ISO code.",
                               scope="shared"),
    "entity_region_names": _k("groups", "Region names in the languages of the news, by ISO 3166-2 code.",
                              scope="shared"),
    "entity_legal_forms": _k("words", "Legal forms of companies after a name, matched as written (\"GmbH\").",
                             scope="shared"),
    "entity_subdivision_designators": _k("words", "Words of a subdivision's official name that say its kind "
                                         "(\"Sheng\" in \"Hebei Sheng\").", scope="shared"),
}
"""Every key, by name."""
