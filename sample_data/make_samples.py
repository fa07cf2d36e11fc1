"""Write the bundled sample corpora of Embedding Explorer.

Usage:
    python sample_data/make_samples.py

Each corpus comes from a small grammar: sentence templates with slots, filled from word lists
grouped by meaning. The grammar is built so that a tiny CBOW model trained for a few seconds
learns the relations the lessons show (cat ~ kitten, king - man + woman = queen, Paris - France
+ China = Beijing, walked - walking + swimming = swam). Words that should end up close share
their neighbouring words (a kitten and a cat both chase the mouse and purr on the sofa), and
every difference the lessons point at (adult or young, he or she, past or present, city or
country) is carried by its own context words in otherwise parallel sentences.

The output is deterministic: each corpus is drawn from its own generator, ``Dealer(SEED)``
with SEED = 0 (a ``random.Random(0)`` that can also deal from shuffled decks). Running the
script again rewrites the .txt files byte for byte, and editing one language's grammar leaves
the other files unchanged. Only the standard library is used.
``python sample_data/validate_samples.py`` checks what a model learns from the result.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

SEED = 0
HERE = Path(__file__).resolve().parent

ENGLISH_SENTENCES = 4000
CHINESE_SENTENCES = 3000
JAPANESE_SENTENCES = 1200

LESSON_SENTENCES = [
    "We are about to study the idea of deep learning.",
    "我喜欢学习数学",
    "Don't trouble trouble.",
    "The cat sat on the mat.",
    "The king and the queen live in the palace.",
]


class Dealer(random.Random):
    """A ``random.Random`` that can also deal cards.

    ``deal(name, items)`` hands out every item of a named deck once, in random order, before
    shuffling the deck again: each country comes up equally often, not just roughly so.
    """

    def __init__(self, seed: int) -> None:
        super().__init__(seed)
        self._decks: dict[str, list] = {}

    def deal(self, name: str, items: list):
        deck = self._decks.setdefault(name, [])
        if not deck:
            deck.extend(self.sample(items, len(items)))
        return deck.pop()


Theme = Callable[[Dealer], str]


def maybe(rng: Dealer, text: str, p: float = 0.5) -> str:
    """``text`` with probability ``p``, else the empty string (an optional slot)."""
    return text if rng.random() < p else ""


def en_sentence(template: str, **slots: str) -> str:
    """Fill an English template, squeeze spaces, fix a/an, capitalise, add a full stop."""
    text = " ".join(template.format(**slots).split())
    text = re.sub(r"\b([Aa]) (?=[aeiou])", r"\1n ", text)
    return text[0].upper() + text[1:] + "."


# ----------------------------------------------------------------------------------- English

# Animals. An adult and its young share every action of their species, so the pairs
# cat/kitten, dog/puppy, ... get almost the same contexts; different species share only the
# things people do with any pet or farm animal.
EN_SPECIES = {
    "cat": {
        "young": "kitten",
        "weight": 3,
        "adjs": ["fluffy", "grey", "striped", "sleepy", "black", "white"],
        "acts": [
            "chased the mouse", "caught a mouse", "purred on the sofa", "meowed at the door",
            "drank the milk", "licked its paws", "climbed the fence", "scratched the chair",
            "slept on the mat", "played with the yarn", "hid under the bed", "purred softly",
            "chased a little mouse", "meowed for more milk", "sat on the windowsill",
            "caught a fly", "licked the milk from the bowl", "purred in the sun",
        ],
        "food": ["milk", "fish", "cream"],
    },
    "dog": {
        "young": "puppy",
        "weight": 3,
        "adjs": ["loyal", "brown", "spotted", "playful", "noisy", "friendly"],
        "acts": [
            "barked at the stranger", "wagged its tail", "fetched the stick", "chewed the bone",
            "dug a hole in the garden", "guarded the gate", "chased the ball", "howled at the moon",
            "sniffed the grass", "barked loudly", "buried the bone", "fetched the ball",
            "chewed an old shoe", "wagged its tail happily", "barked at the postman",
            "dug up the bone", "growled at the fox", "sniffed the lamp post",
        ],
        "food": ["bones", "meat", "biscuits"],
    },
    "horse": {
        "young": "foal",
        "weight": 2,
        "adjs": ["brown", "white", "strong", "fast", "gentle"],
        "acts": [
            "galloped across the field", "neighed loudly", "ate the hay", "trotted to the stable",
            "jumped the fence", "stood in the stable", "shook its mane", "neighed at the gate",
            "galloped along the beach", "trotted around the meadow", "rested in the stable",
        ],
        "food": ["hay", "oats", "carrots"],
    },
    "cow": {
        "young": "calf",
        "weight": 2,
        "adjs": ["brown", "spotted", "big", "calm", "gentle"],
        "acts": [
            "mooed in the barn", "grazed in the meadow", "chewed the grass", "lay in the shade",
            "followed the farmer", "mooed at the gate", "grazed by the river",
            "stood in the barn", "chewed the sweet grass", "lay down in the meadow",
        ],
        "food": ["grass", "hay", "clover"],
    },
    "sheep": {
        "young": "lamb",
        "weight": 2,
        "adjs": ["white", "woolly", "small", "calm"],
        "acts": [
            "bleated on the hill", "grazed on the hill", "followed the flock",
            "bleated for its mother", "trotted after the shepherd", "grazed near the stream",
            "huddled with the flock", "nibbled the clover",
        ],
        "food": ["grass", "clover"],
    },
    "hen": {
        "young": "chick",
        "weight": 1,
        "adjs": ["yellow", "brown", "busy", "noisy"],
        "acts": [
            "pecked at the corn", "clucked in the yard", "scratched the dirt",
            "roosted in the coop", "pecked at the seeds", "clucked near the coop",
            "flapped its wings",
        ],
        "food": ["corn", "seeds"],
    },
}

EN_PET_VERBS = ["fed", "petted", "washed", "brushed", "found", "photographed", "loved", "called"]
EN_REACTIONS = ["laughed", "smiled", "clapped", "took a photo", "called the children"]

# People. Each pair differs only in gender; each group has its own deeds. A king is to a man
# what a queen is to a woman: the same gender words (he, his) and the same royal words.
# The pairs of the lesson's analogy (king/queen, man/woman) come up most often.
EN_GROUPS = {
    "ruler": {
        "pairs": [("king", "queen")],
        "weight": 3,
        "adjs": ["wise", "old", "kind", "proud", "great", "good"],
        "acts": [
            "ruled the kingdom", "sat on the throne", "wore {pos} golden crown",
            "spoke to {pos} people", "ruled the land wisely", "welcomed guests to the palace",
            "signed a royal decree", "led {pos} army", "held a feast in the palace",
            "gave orders to the royal guards", "ruled the kingdom for many years",
            "sat on {pos} throne", "lived in the royal palace", "wore the crown",
            "spoke from the throne", "visited every town in the kingdom", "ruled the country",
            "dined in the great hall", "made a new law", "greeted the ambassadors",
        ],
    },
    "royal_child": {
        "pairs": [("prince", "princess")],
        "weight": 2,
        "adjs": ["young", "brave", "little", "clever", "curious"],
        "acts": [
            "rode a white horse", "danced at the royal ball", "played in the palace garden",
            "climbed the castle tower", "fought the dragon", "kissed the frog",
            "slept in the tower", "found a magic ring", "escaped from the tower",
            "lost {pos} glass slipper", "met a talking frog", "read in the castle library",
            "learned to ride", "got lost in the enchanted forest", "polished {pos} silver sword",
        ],
    },
    "adult": {
        "pairs": [("man", "woman")],
        "weight": 3,
        "adjs": ["old", "tall", "kind", "tired", "busy", "quiet"],
        "acts": [
            "worked on the farm", "sold bread at the market", "fixed the roof",
            "read the newspaper", "drove a truck", "planted trees in the garden",
            "carried a heavy bag", "waited for the bus", "painted the fence",
            "bought a newspaper", "repaired {pos} bicycle", "went to work early",
            "opened {pos} shop", "worked at the bank", "sat on a bench in the park",
            "asked for directions", "paid for the coffee",
        ],
    },
    "child": {
        "pairs": [("boy", "girl")],
        "weight": 2,
        "adjs": ["little", "small", "young", "happy", "shy"],
        "acts": [
            "played in the park", "kicked the ball", "drew a picture", "climbed the tree",
            "went to school", "lost {pos} toy", "flew a kite", "built a sandcastle",
            "did {pos} homework", "jumped in the puddle", "played with {pos} friends",
            "rode {pos} bicycle", "hid behind the door",
        ],
    },
    "parent": {
        "pairs": [("father", "mother")],
        "weight": 1,
        "adjs": ["proud", "kind", "busy", "patient"],
        "acts": [
            "cooked dinner for the family", "took the children to school", "kissed {pos} baby",
            "read a story to the children", "hugged {pos} son", "hugged {pos} daughter",
            "made breakfast for the kids", "waited for {pos} children", "tucked the baby in",
        ],
    },
    "offspring": {
        "pairs": [("son", "daughter"), ("brother", "sister")],
        "weight": 1,
        "adjs": ["young", "eldest", "youngest", "little"],
        "acts": [
            "visited {pos} parents", "called {pos} mother", "helped {pos} father",
            "wrote to {pos} parents", "came home for the holidays", "phoned {pos} family",
        ],
    },
}
# Deeds anybody can do; the possessive next to the person word tells its gender.
EN_SHARED_ACTS = [
    "lost {pos} hat", "raised {pos} cup", "opened {pos} book", "closed {pos} eyes",
    "shook {pos} head", "took off {pos} coat", "found {pos} keys", "waved {pos} hand",
    "packed {pos} bag", "put on {pos} shoes", "called {pos} friend", "combed {pos} hair",
]
EN_PRONOUNS = {"m": ("he", "his", "himself"), "f": ("she", "her", "herself")}
EN_FEELINGS = ["was tired", "was happy", "was hungry", "felt sad", "was very proud", "felt lonely"]

# Places and buildings.
EN_PLACES = [
    "house", "school", "palace", "castle", "church", "library", "hospital", "shop", "bank",
    "museum", "hotel", "station", "cottage", "restaurant", "market",
]
EN_PLACE_ADJS = ["big", "old", "new", "small", "beautiful", "busy", "quiet", "tall"]
EN_PLACE_PARTS = ["roof", "door", "garden", "gate", "chimney", "kitchen"]
EN_PART_ADJS = ["red", "green", "blue", "wooden", "small", "large"]

# Food.
EN_FOODS = [
    "bread", "cheese", "rice", "soup", "apples", "cake", "eggs", "pasta", "salad", "bananas",
    "noodles", "potatoes", "tomatoes", "pie", "oranges", "chicken", "sandwiches", "dumplings",
]
EN_FOOD_ADJS = ["fresh", "delicious", "tasty", "good", "wonderful"]
EN_MEALS = ["breakfast", "lunch", "dinner", "supper"]
EN_DRINKS = ["tea", "coffee", "juice", "water", "milk"]

# Countries: country, capital, nationality adjective, language, continent.
EN_COUNTRIES = [
    # country, capital, nationality, language, continent, what people there do, what is
    # everywhere there. Each country has its own verbs and things, so the word right after
    # the place name tells which country it is.
    ("France", "Paris", "French", "French", "Europe",
     ["bake croissants", "sip red wine", "paint landscapes", "stroll along the river",
      "love soft cheese"],
     ["croissants", "vineyards", "cafes"]),
    ("China", "Beijing", "Chinese", "Chinese", "Asia",
     ["grow green tea", "protect the pandas", "weave silk", "use chopsticks",
      "wrap dumplings", "fly paper kites"],
     ["pandas", "dumplings", "lanterns"]),
    ("Japan", "Tokyo", "Japanese", "Japanese", "Asia",
     ["roll sushi", "wear kimonos", "admire cherry blossoms", "fold paper cranes",
      "take fast trains"],
     ["kimonos", "shrines", "vending machines"]),
    ("Italy", "Rome", "Italian", "Italian", "Europe",
     ["sing opera", "boil pasta", "knead pizza dough", "ride scooters", "drink espresso"],
     ["pizzerias", "fountains", "scooters"]),
    ("Germany", "Berlin", "German", "German", "Europe",
     ["brew beer", "build fast cars", "grill sausages", "hike in the forest",
      "bake pretzels"],
     ["breweries", "pretzels", "bakeries"]),
    ("Spain", "Madrid", "Spanish", "Spanish", "Europe",
     ["dance flamenco", "strum guitars", "harvest olives", "cheer at football games"],
     ["guitars", "olives", "tapas"]),
    ("Egypt", "Cairo", "Egyptian", "Arabic", "Africa",
     ["visit the pyramids", "sail on the Nile", "explore old tombs", "lead camels",
      "haggle in the bazaar"],
     ["pyramids", "camels", "bazaars"]),
    ("Russia", "Moscow", "Russian", "Russian", "Europe",
     ["skate on frozen lakes", "wear fur hats", "watch the ballet", "read long novels",
      "play chess"],
     ["samovars", "birches", "fur hats"]),
]
EN_SEASONS = ["spring", "summer", "autumn", "winter"]
EN_CITY_ADJS = ["big", "old", "busy", "beautiful", "famous", "large", "modern", "lively"]

# Verbs with their base, past and -ing forms, and what usually follows each verb.
EN_VERBS = [
    ("walk", "walked", "walking", ["to school", "in the park", "home", "to the station",
                                   "along the road", "to the shop"]),
    ("swim", "swam", "swimming", ["in the lake", "in the river", "in the sea", "in the pool",
                                  "across the lake"]),
    ("run", "ran", "running", ["in the race", "to the station", "very fast", "around the track",
                               "up the hill"]),
    ("eat", "ate", "eating", ["an apple", "some bread", "lunch", "a sandwich", "rice",
                              "dinner"]),
    ("sing", "sang", "singing", ["a song", "in the choir", "a lullaby", "on the stage",
                                 "a folk song"]),
    ("write", "wrote", "writing", ["a letter", "a story", "a poem", "an email",
                                   "in the notebook"]),
    ("drive", "drove", "driving", ["to work", "the car", "to the city", "a bus",
                                   "along the coast"]),
    ("sleep", "slept", "sleeping", ["in the tent", "all night", "on the sofa", "in the bed",
                                    "for hours"]),
    ("dance", "danced", "dancing", ["at the party", "all evening", "in the hall", "the waltz",
                                    "on the stage"]),
    ("cook", "cooked", "cooking", ["dinner", "the soup", "breakfast", "some pasta",
                                   "a big meal"]),
    ("play", "played", "playing", ["football", "the piano", "chess", "the guitar", "tennis"]),
    ("climb", "climbed", "climbing", ["the mountain", "the hill", "the ladder", "the wall",
                                      "the stairs"]),
]
# walk and swim carry the lesson's analogy, so they come up twice as often.
EN_VERB_WEIGHTS = {"walk": 2, "swim": 2}
EN_PAST_TIMES = ["yesterday", "last night", "last week", "on Monday", "last year", "this morning"]
EN_NOW_TIMES = ["now", "right now", "at the moment", "today"]
EN_HABIT_TIMES = ["every day", "every morning", "often", "usually", "every weekend", "always"]

# Neutral people for sentences about places, food, travel and pets.
EN_SUBJECTS = [
    "I", "we", "they", "he", "she", "my friend", "the teacher", "the doctor", "the farmer",
    "my neighbour", "the children", "the students", "our family", "my aunt", "my uncle",
    "the tourists", "the old man", "the old woman", "the boy", "the girl",
]
EN_DETS = ["the", "the", "a", "my", "our", "their", "her", "his"]


def en_animal(rng: Dealer) -> str:
    adult = rng.choices(list(EN_SPECIES), [s["weight"] for s in EN_SPECIES.values()])[0]
    species = EN_SPECIES[adult]
    young = species["young"]
    animal = adult if rng.random() < 0.55 else young
    acts, adjs = species["acts"], species["adjs"]
    slots = {
        "det": rng.choice(EN_DETS), "adj": maybe(rng, rng.choice(adjs), 0.4), "animal": animal,
        "adult": adult, "young": young, "act": rng.choice(acts), "act2": rng.choice(acts),
        "subj": rng.choice(EN_SUBJECTS), "food": rng.choice(species["food"]),
        "time": maybe(rng, rng.choice(EN_PAST_TIMES), 0.3),
        "reaction": rng.choice(EN_REACTIONS),
    }
    templates = [
        "{det} {adj} {animal} {act} {time}",
        "{det} {adj} {animal} {act} {time}",
        "{det} {animal} {act} and then {act2}",
        "{subj} saw that the {animal} {act}",
        "the {adult} and its {young} {act}",
        "the {young} {act} with the {adult}",
        "the {young} {act} while the {adult} {act2}",
        "the {adult} {act} while the {young} {act2}",
        "when the {animal} {act}, {subj} {reaction}",
        "{subj} gave the {animal} some {food}",
        "{det} {animal} liked the {food}",
        "a {young} is a young {adult}",
        "{det} {adj} {animal} {act} and {act2} {time}",
        "after the {animal} {act} it {act2}",
        "{subj} said that the {adj} {animal} {act} {time}",
        "in the morning the {animal} {act} and in the evening it {act2}",
        "the {adj} {adult} {act} and its little {young} {act2}",
    ]
    return en_sentence(rng.choice(templates), **slots)


def en_any_animal(rng: Dealer) -> str:
    """What people do with any animal: pets and farm animals form one loose cluster."""
    a, b = rng.sample(list(EN_SPECIES), 2)
    first = a if rng.random() < 0.6 else EN_SPECIES[a]["young"]
    second = b if rng.random() < 0.6 else EN_SPECIES[b]["young"]
    templates = [
        "the {a} and the {b} {act} together",
        "{subj} had a {a} and a {b}",
        "the {a} looked at the {b}",
        "{subj} {pet_verb} the {a} and the {b}",
        "{subj} {pet_verb} the {a}",
        "there was a {a} near the {place}",
    ]
    return en_sentence(
        rng.choice(templates), a=first, b=second, subj=rng.choice(EN_SUBJECTS),
        pet_verb=rng.choice(EN_PET_VERBS), act=rng.choice(["played", "slept", "rested"]),
        place=rng.choice(EN_PLACES),
    )


def en_person(rng: Dealer) -> str:
    group = rng.choices(list(EN_GROUPS.values()), [g["weight"] for g in EN_GROUPS.values()])[0]
    male, female = rng.choice(group["pairs"])
    gender = rng.choice("mf")
    person, other = (male, female) if gender == "m" else (female, male)
    pron, pos, self_ = EN_PRONOUNS[gender]
    acts = group["acts"]
    slots = {
        "p": person, "other": other, "pron": pron, "pos": pos, "self": self_,
        "adj": maybe(rng, rng.choice(group["adjs"]), 0.4),
        "act": rng.choice(acts).format(pos=pos),
        "act2": rng.choice(acts).format(pos=pos),
        "shared": rng.choice(EN_SHARED_ACTS).format(pos=pos),
        "pair_act": rng.choice(acts).format(pos="their"),
        "feeling": rng.choice(EN_FEELINGS), "time": maybe(rng, rng.choice(EN_PAST_TIMES), 0.3),
    }
    templates = [
        "the {adj} {p} {act} {time}",
        "the {adj} {p} {act} {time}",
        "the {p} {act} and {act2}",
        "the {p} {shared}",
        "the {adj} {p} {shared} and {act}",
        "the {p} said {pron} {feeling}",
        "the {p} {act} because {pron} {feeling}",
        "the {p} and the {other} {pair_act}",
        "everyone knew that the {p} {act}",
        "one day the {adj} {p} {act}",
        "{pron} was the {p} who {act}",
        "one day the {adj} {p} {act} and then {pron} {act2}",
        "long ago there lived a {adj} {p} who {act}",
        "the {p} {self} {act} {time}",
        "when the {p} {act}, {pron} {feeling}",
        "the {adj} {p} {shared} and then {pron} {act}",
    ]
    return en_sentence(rng.choice(templates), **slots)


def en_place(rng: Dealer) -> str:
    place, other = rng.sample(EN_PLACES, 2)
    adj, adj2 = rng.sample(EN_PLACE_ADJS, 2)
    slots = {
        "subj": rng.choice(EN_SUBJECTS), "place": place, "other": other,
        "adj": adj, "adj2": adj2,
        "part": rng.choice(EN_PLACE_PARTS), "part_adj": rng.choice(EN_PART_ADJS),
        "time": maybe(rng, rng.choice(EN_PAST_TIMES), 0.4),
    }
    templates = [
        "{subj} went to the {place} {time}",
        "the {adj} {place} is near the {other}",
        "the {place} has a {part_adj} {part}",
        "there is an old {place} next to the {other}",
        "{subj} stayed at home {time}",
        "{subj} came home from the {place}",
        "the {place} was {adj} and {adj2}",
        "{subj} painted the {part} of the {place}",
        "the {place} is far from home",
        "the road from the {place} to the {other} is long",
        "{subj} built a {adj} {place} {time}",
        "{subj} waited outside the {place}",
        "they live in a {adj} house near the {place}",
    ]
    return en_sentence(rng.choice(templates), **slots)


def en_food(rng: Dealer) -> str:
    food, other = rng.sample(EN_FOODS, 2)
    slots = {
        "subj": rng.choice(EN_SUBJECTS), "food": food, "other": other,
        "adj": rng.choice(EN_FOOD_ADJS), "meal": rng.choice(EN_MEALS),
        "drink": rng.choice(EN_DRINKS), "time": maybe(rng, rng.choice(EN_PAST_TIMES), 0.3),
    }
    templates = [
        "{subj} had {food} for {meal} {time}",
        "{subj} bought some {food} at the market",
        "the {food} tasted {adj}",
        "{subj} shared the {food} with the neighbours",
        "we had {food} and {other} for {meal}",
        "{subj} enjoyed {adj} {food} with {drink}",
        "there is {adj} {food} on the table",
        "the cook served {food} for {meal}",
        "{subj} put the {food} in the basket",
        "{subj} ordered a cup of {drink} and some {food}",
    ]
    return en_sentence(rng.choice(templates), **slots)


def en_country(rng: Dealer) -> str:
    (country, city, nat, lang, cont, acts, things) = chosen = rng.deal("countries", EN_COUNTRIES)
    other = rng.choice([c for c in EN_COUNTRIES if c is not chosen])
    slots = {
        "country": country, "city": city, "nat": nat, "lang": lang, "cont": cont,
        "act": rng.choice(acts), "thing": rng.choice(things),
        "country2": other[0], "city2": other[1],
        "subj": rng.choice(EN_SUBJECTS), "season": rng.choice(EN_SEASONS),
        "adj": rng.choice(EN_CITY_ADJS), "time": maybe(rng, rng.choice(EN_PAST_TIMES), 0.3),
        "place": rng.choice([country, city]),
    }
    capital = [
        "{city} is the capital of {country}",
        "the capital of {country} is {city}",
        "{city} is the capital city of {country}",
        "{subj} knows that {city} is the capital of {country}",
        "{city} is a {adj} city in {country}",
    ]
    cities_and_countries = [
        "{subj} flew from {city} to {city2}",
        "{subj} took the train from {city} to {city2} {time}",
        "{subj} visited {country} and {country2} last {season}",
        "{country} is a country in {cont}",
    ]
    # Most sentences are about what a country and its capital have in common: its own
    # words (French, wine, Europe) sit next to both, so Paris ends up close to France much
    # as a kitten ends up close to a cat, and Paris - France + China lands on Beijing.
    in_common = [
        "people in {place} {act}",
        "in {place} people {act}",
        "the people of {place} {act}",
        "many people in {place} {act}",
        "{nat} people in {place} {act}",
        "{nat} families in {place} {act}",
        "{nat} children in {place} {act}",
        "in {place} {lang} is spoken",
        "{subj} learned {lang} in {place} {time}",
        "most people in {place} are {nat}",
        "everyone in {place} speaks {lang}",
        "{place} is in {cont}",
        "in {place} {thing} are everywhere",
        "{thing} from {place} are famous",
        "the {thing} of {place} are wonderful",
    ]
    group = rng.choices([capital, cities_and_countries, in_common], [2, 0.5, 10])[0]
    return en_sentence(rng.choice(group), **slots)


def en_verb(rng: Dealer) -> str:
    weights = [EN_VERB_WEIGHTS.get(verb[0], 1) for verb in EN_VERBS]
    base, past, ing, rests = rng.choices(EN_VERBS, weights)[0]
    gender = rng.choice("mf")
    pron = rng.choice([EN_PRONOUNS[gender][0], "they", "we", "I"])
    plural = rng.choice(["we", "they", "I", "you"])
    be = {"he": "is", "she": "is", "I": "am"}.get(pron, "are")
    was = {"he": "was", "she": "was", "I": "was"}.get(pron, "were")
    slots = {
        "base": base, "past": past, "ing": ing, "rest": rng.choice(rests), "pron": pron,
        "plural": plural, "be": be, "was": was, "past_t": rng.choice(EN_PAST_TIMES),
        "now_t": rng.choice(EN_NOW_TIMES), "habit": rng.choice(EN_HABIT_TIMES),
    }
    templates = [
        # past
        "{past_t} {pron} {past} {rest}",
        "{pron} {past} {rest} {past_t}",
        "{past_t} {pron} {past} {rest} with friends",
        # progressive
        "{now_t} {pron} {be} {ing} {rest}",
        "{pron} {be} {ing} {rest} {now_t}",
        "{pron} {was} {ing} {rest} when it started to rain",
        # base
        "{habit} {plural} {base} {rest}",
        "{plural} like to {base} {rest}",
        "tomorrow {plural} will {base} {rest}",
        "{plural} can {base} {rest}",
    ]
    return en_sentence(rng.choice(templates), **slots)


# Theme and weight: how many sentences of each kind, roughly.
EN_THEMES: list[tuple[Theme, int]] = [
    (en_animal, 26),
    (en_any_animal, 3),
    (en_person, 24),
    (en_place, 7),
    (en_food, 7),
    (en_country, 26),
    (en_verb, 15),
]


# ----------------------------------------------------------------------------------- Chinese

# The same ideas in natural Chinese, written for jieba: every noun the lessons use (猫, 小猫,
# 狗, 小狗, 国王, 王后, 男人, 女人) must come out of jieba.lcut as one token, so the phrases
# around them were chosen where jieba does not glue them to a neighbour (狗 is never followed
# straight by 摇着, 守着 or 闻了, which jieba would merge). Farm animals use two-character
# words (母马/小马, 奶牛/小牛) for the same reason.


def zh_sentence(template: str, **slots: str) -> str:
    return template.format(**slots) + "。"


ZH_SPECIES = {
    "猫": {
        "young": "小猫", "weight": 3, "measure": "只",
        "adjs": ["胖胖的", "灰色的", "白色的", "黑色的", "懒洋洋的", "毛茸茸的"],
        "acts": [
            "追着一只老鼠", "抓住了一只老鼠", "打着呼噜", "喵喵地叫", "喝光了碗里的牛奶",
            "舔着自己的爪子", "爬上了篱笆", "抓坏了椅子", "蜷在垫子上睡觉", "玩着毛线球",
            "钻到了床底下", "晒着太阳打盹", "趴在窗台上", "偷吃了一条鱼", "伸了个懒腰",
            "抓到了一只苍蝇", "追着老鼠跑", "舔着碗里的牛奶",
        ],
        "food": ["鱼", "小鱼干", "猫粮"],
    },
    "狗": {
        "young": "小狗", "weight": 3, "measure": "条",
        "adjs": ["忠诚的", "棕色的", "调皮的", "友好的", "花斑的", "活泼的"],
        "acts": [
            "汪汪叫个不停", "叼回了木棍", "啃着一根骨头", "看着大门", "追着皮球跑",
            "对着月亮嚎叫", "嗅着草地", "大声地叫", "把骨头埋了起来", "叼回了皮球",
            "咬坏了一只旧鞋", "冲着邮递员叫", "冲着狐狸低吼", "跳起来接飞盘",
            "舔了舔主人的手", "对着陌生人汪汪叫", "啃着骨头",
        ],
        "food": ["骨头", "肉", "狗粮"],
    },
    "母马": {
        "young": "小马", "weight": 2, "measure": "匹",
        "adjs": ["棕色的", "白色的", "强壮的", "温顺的"],
        "acts": [
            "在草原上奔跑", "吃着干草", "跳过了栅栏", "在马厩里休息", "甩了甩鬃毛",
            "在门口嘶鸣", "沿着海滩飞奔", "在草场上小跑",
        ],
        "food": ["干草", "燕麦", "胡萝卜"],
    },
    "奶牛": {
        "young": "小牛", "weight": 2, "measure": "头",
        "adjs": ["黑白花的", "棕色的", "安静的", "温顺的"],
        "acts": [
            "在牛棚里哞哞叫", "在牧场上吃草", "慢慢地嚼着青草", "躺在树荫下",
            "跟着农夫", "在河边吃草", "站在牛棚里", "甩着尾巴赶苍蝇",
        ],
        "food": ["青草", "干草"],
    },
    "绵羊": {
        "young": "小羊", "weight": 1, "measure": "只",
        "adjs": ["白白的", "毛茸茸的", "安静的"],
        "acts": [
            "在山坡上咩咩叫", "在山坡上吃草", "跟着羊群", "躲在石墙后面", "跑下了山坡",
            "在小溪边吃草",
        ],
        "food": ["青草"],
    },
    "母鸡": {
        "young": "小鸡", "weight": 1, "measure": "只",
        "adjs": ["黄色的", "棕色的", "忙碌的"],
        "acts": ["在院子里啄米", "咯咯地叫", "在土里刨食", "在鸡窝里睡觉", "啄着谷粒"],
        "food": ["米粒", "玉米"],
    },
}
ZH_TIMES = ["今天早上", "昨天晚上", "下午", "星期天", "吃完午饭以后", "傍晚", "前天", "那天"]
ZH_SUBJECTS = [
    "我", "我们", "他们", "他", "她", "我的朋友", "老师", "医生", "农夫", "邻居", "孩子们",
    "学生们", "我们一家", "阿姨", "叔叔", "游客们", "爷爷", "奶奶",
]
ZH_REACTIONS = ["笑了", "拍了一张照片", "叫大家来看", "高兴地拍手"]
ZH_PLACES = [
    "房子", "学校", "王宫", "城堡", "教堂", "图书馆", "医院", "商店", "银行", "博物馆",
    "酒店", "车站", "餐厅", "市场", "农场",
]
ZH_PLACE_ADJS = ["很大", "很旧", "很新", "很小", "很漂亮", "很安静", "很热闹"]


def zh_animal(rng: Dealer) -> str:
    adult = rng.choices(list(ZH_SPECIES), [s["weight"] for s in ZH_SPECIES.values()])[0]
    species = ZH_SPECIES[adult]
    young, acts = species["young"], species["acts"]
    animal = adult if rng.random() < 0.55 else young
    slots = {
        "animal": animal, "adult": adult, "young": young, "m": species["measure"],
        "act": rng.choice(acts), "act2": rng.choice(acts), "adj": rng.choice(species["adjs"]),
        "det": rng.choice(["那" + species["measure"], "这" + species["measure"], "我家的",
                           "邻居家的", "她的", "他的"]),
        "dem": rng.choice("那这") + species["measure"],
        "time": rng.choice(ZH_TIMES), "subj": rng.choice(ZH_SUBJECTS),
        "food": rng.choice(species["food"]), "place": rng.choice(ZH_PLACES),
        "reaction": rng.choice(ZH_REACTIONS),
    }
    templates = [
        "{det}{animal}{act}",
        "{dem}{adj}{animal}{act}",
        "{time}，{det}{animal}{act}",
        "{det}{animal}{act}，然后{act2}",
        "{subj}看见{det}{animal}{act}",
        "{adult}和它的{young}一起{act}",
        "{young}跟着{adult}{act}",
        "{young}{act}的时候，{adult}{act2}",
        "{det}{animal}{act}，{subj}{reaction}",
        "{subj}给{det}{animal}喂了一些{food}",
        "{det}{animal}最喜欢吃{food}",
        "{subj}家里有一{m}{adj}{animal}",
        "{place}旁边有一{m}{adj}{animal}",
        "{young}是小时候的{adult}",
        "早上{det}{animal}{act}，晚上{act2}",
    ]
    return zh_sentence(rng.choice(templates), **slots)


ZH_GROUPS = {
    "ruler": {
        "pairs": [("国王", "王后")], "adjs": ["英明的", "年老的", "善良的", "伟大的", "骄傲的"],
        "acts": [
            "统治着整个王国", "坐在王座上", "戴上了金色的王冠", "在王宫里举行宴会",
            "颁布了一条新法律", "接见了各国的使者", "检阅了王家卫队", "住在王宫里",
            "在王宫大厅里用餐", "向全国的百姓讲话", "治理国家很多年", "召见了大臣们",
            "走下了王座", "在王宫里接待客人",
        ],
        # sentences only this group has
        "frames": [
            "{p}陛下{act}", "大臣们向{p}鞠躬", "全国百姓都爱戴{p}", "卫兵们保护着{p}",
            "王宫里的{p}{feeling}",
        ],
    },
    "royal_child": {
        "pairs": [("王子", "公主")], "adjs": ["年轻的", "勇敢的", "小小的", "聪明的"],
        "acts": [
            "骑着一匹白马", "在王宫舞会上跳舞", "在城堡花园里玩耍", "打败了一条恶龙",
            "被关在高塔里", "找到了一枚魔法戒指", "在森林里迷了路", "吻了一只青蛙",
            "从高塔里逃了出来", "在城堡图书馆里读书", "学会了骑马",
        ],
    },
    "adult": {
        "pairs": [("男人", "女人")], "adjs": ["年老的", "高个子的", "善良的", "疲惫的", "忙碌的"],
        "acts": [
            "在田里干活", "在市场上卖面包", "修好了屋顶", "在看报纸", "开着一辆卡车",
            "在花园里种树", "提着一个很重的包", "在车站等公交车", "给篱笆刷油漆",
            "去银行上班", "在公园的长椅上休息", "付了咖啡钱", "骑自行车去上班",
        ],
        "frames": ["那个{adj}{p}{act}", "邻居家的{p}{act}"],
    },
    "child": {
        "pairs": [("男孩", "女孩")], "adjs": ["小小的", "年幼的", "快乐的", "害羞的"],
        "acts": [
            "在公园里踢足球", "画了一幅画", "爬上了大树", "背着书包去上学", "放风筝",
            "做完了作业", "在水坑里跳来跳去", "和朋友们一起玩", "在沙滩上堆沙子",
        ],
        "frames": ["那个{adj}{p}{act}", "放学以后，{p}{act}"],
    },
    "parent": {
        "pairs": [("父亲", "母亲")], "adjs": ["慈祥的", "忙碌的", "耐心的"],
        "acts": [
            "给全家人做晚饭", "送孩子们去上学", "给孩子们讲故事", "抱着小宝宝",
            "在门口等孩子们回家",
        ],
    },
}
ZH_PRONOUNS = {"m": "他", "f": "她"}
ZH_FEELINGS = ["很累", "很高兴", "饿了", "很难过", "很骄傲", "有点孤单"]
ZH_RELATIVES = ["朋友们", "家人", "孩子们", "客人们"]


def zh_person(rng: Dealer) -> str:
    group = ZH_GROUPS[rng.choice(list(ZH_GROUPS))]
    male, female = rng.choice(group["pairs"])
    gender = rng.choice("mf")
    person, other = (male, female) if gender == "m" else (female, male)
    acts = group["acts"]
    slots = {
        "p": person, "other": other, "pron": ZH_PRONOUNS[gender],
        "adj": rng.choice(group["adjs"]), "act": rng.choice(acts), "act2": rng.choice(acts),
        "feeling": rng.choice(ZH_FEELINGS), "rel": rng.choice(ZH_RELATIVES),
        "time": rng.choice(ZH_TIMES),
    }
    templates = [
        "{adj}{p}{act}",
        "{time}，{p}{act}",
        "{p}{act}，然后{act2}",
        "从前有一位{adj}{p}，{pron}{act}",
        "从前有一位{p}，{pron}每天都{act}",
        "{p}说{pron}{feeling}",
        "{p}和{pron}的{rel}{act}",
        "{p}和{other}一起{act}",
        "大家都知道{p}{act}",
        "有一天，{adj}{p}{act}",
        "那天{p}{act}，{pron}{feeling}",
        "{pron}就是那位{act}的{p}",
        "说起这位{p}，{pron}{act}",
        "说起这位{adj}{p}，{pron}{feeling}",
    ] + group.get("frames", [])
    return zh_sentence(rng.choice(templates), **slots)


def zh_place(rng: Dealer) -> str:
    place, other = rng.sample(ZH_PLACES, 2)
    slots = {
        "subj": rng.choice(ZH_SUBJECTS), "place": place, "other": other,
        "adj": rng.choice(ZH_PLACE_ADJS), "time": rng.choice(ZH_TIMES),
    }
    templates = [
        "{subj}{time}去了{place}", "{place}就在{other}旁边", "那座{place}{adj}",
        "{subj}{time}待在家里", "{subj}从{place}回家了", "那座{place}离这里很远",
        "从{place}到{other}的路很长", "{subj}在{place}门口等着", "我们家就在{place}附近",
    ]
    return zh_sentence(rng.choice(templates), **slots)


ZH_FOODS = ["米饭", "面包", "面条", "苹果", "蛋糕", "鸡蛋", "汤", "香蕉", "西瓜", "包子", "蔬菜"]
ZH_FOOD_ADJS = ["很新鲜", "很热", "很甜", "很好吃", "很香"]
ZH_MEALS = ["早饭", "午饭", "晚饭"]


def zh_food(rng: Dealer) -> str:
    food, other = rng.sample(ZH_FOODS, 2)
    slots = {
        "subj": rng.choice(ZH_SUBJECTS), "food": food, "other": other,
        "adj": rng.choice(ZH_FOOD_ADJS), "meal": rng.choice(ZH_MEALS),
    }
    templates = [
        "{subj}{meal}吃了{food}", "{subj}在市场买了一些{food}", "这些{food}{adj}",
        "{subj}用{food}和{other}做了{meal}", "桌子上有{food}和{other}", "{subj}最喜欢吃{food}",
    ]
    return zh_sentence(rng.choice(templates), **slots)


ZH_COUNTRIES = [
    # country, capital, people, language, continent, what people there do (each country's
    # verbs are its own, so the word right after the place name tells the country)
    ("法国", "巴黎", "法国人", "法语", "欧洲", ["烤面包", "品尝红酒", "画油画", "逛美术馆"]),
    ("中国", "北京", "中国人", "汉语", "亚洲",
     ["包饺子", "织丝绸", "保护大熊猫", "用筷子吃饭", "泡绿茶"]),
    ("日本", "东京", "日本人", "日语", "亚洲",
     ["捏寿司", "穿和服", "赏樱花", "坐新干线", "折纸鹤"]),
    ("意大利", "罗马", "意大利人", "意大利语", "欧洲",
     ["唱歌剧", "煮意大利面", "骑摩托车", "做披萨"]),
    ("德国", "柏林", "德国人", "德语", "欧洲", ["酿啤酒", "造汽车", "听古典音乐", "吃香肠"]),
    ("西班牙", "马德里", "西班牙人", "西班牙语", "欧洲",
     ["跳弗拉明戈", "弹吉他", "种橄榄", "踢足球"]),
    ("埃及", "开罗", "埃及人", "阿拉伯语", "非洲",
     ["参观金字塔", "骑骆驼", "划船游尼罗河", "喝薄荷茶"]),
    ("俄罗斯", "莫斯科", "俄罗斯人", "俄语", "欧洲",
     ["看芭蕾舞", "滑冰", "戴皮帽子", "下国际象棋", "读长篇小说"]),
]
ZH_SEASONS = ["春天", "夏天", "秋天", "冬天"]


def zh_country(rng: Dealer) -> str:
    (country, city, people, lang, cont, acts) = chosen = rng.deal("countries", ZH_COUNTRIES)
    other = rng.choice([c for c in ZH_COUNTRIES if c is not chosen])
    slots = {
        "country": country, "city": city, "people": people, "lang": lang, "cont": cont,
        "act": rng.choice(acts), "country2": other[0], "city2": other[1],
        "subj": rng.choice(ZH_SUBJECTS), "season": rng.choice(ZH_SEASONS),
        "time": rng.choice(ZH_TIMES), "place": rng.choice([country, city]),
    }
    capital = [
        "{city}是{country}的首都", "{country}的首都是{city}", "{city}是{country}最大的城市之一",
        "{subj}知道{city}是{country}的首都",
    ]
    cities_and_countries = [
        "{subj}从{city}飞到了{city2}", "{subj}坐火车从{city}去{city2}",
        "{subj}去年{season}去了{country}和{country2}", "{country}是{cont}的一个国家",
    ]
    # As in English: a country and its capital share their own words, so 巴黎 - 法国 + 中国
    # lands near 北京.
    in_common = [
        "{subj}在{place}{act}", "{time}，{subj}在{place}{act}", "很多游客在{place}{act}",
        "人们喜欢在{place}{act}", "{subj}想去{place}{act}", "在{place}，人们{act}",
        "住在{place}的人{act}", "在{place}，大家都说{lang}", "{subj}在{place}学过{lang}",
        "很多{people}住在{place}", "{place}在{cont}",
    ]
    group = rng.choices([capital, cities_and_countries, in_common], [2, 1, 8])[0]
    return zh_sentence(rng.choice(group), **slots)


ZH_THEMES: list[tuple[Theme, int]] = [
    (zh_animal, 32),
    (zh_person, 30),
    (zh_place, 8),
    (zh_food, 8),
    (zh_country, 25),
]


# ---------------------------------------------------------------------------------- Japanese

# A smaller corpus in plain-form Japanese, cut by janome. Again an adult animal and its young
# (猫/子猫, 犬/子犬) do the same things, and 王/女王, 男/女 appear in parallel sentences.


def ja_sentence(template: str, **slots: str) -> str:
    return template.format(**slots) + "。"


JA_SPECIES = {
    "猫": {
        "young": "子猫",
        "adjs": ["白い", "黒い", "小さな", "眠そうな", "ふわふわの"],
        "acts": [
            "ネズミを追いかけた", "ミルクを飲んだ", "ソファで丸くなった", "ニャーと鳴いた",
            "毛糸玉で遊んだ", "窓辺で昼寝をした", "前足をなめた", "塀に登った",
            "魚をこっそり食べた", "ベッドの下に隠れた", "のどをゴロゴロ鳴らした",
            "ネズミを捕まえた", "ひなたぼっこをした", "爪をといだ",
        ],
        "food": ["魚", "ミルク", "キャットフード"],
    },
    "犬": {
        "young": "子犬",
        "adjs": ["茶色の", "大きな", "元気な", "人なつこい", "小さな"],
        "acts": [
            "ワンワンと吠えた", "しっぽを振った", "骨をかじった", "ボールを取ってきた",
            "庭に穴を掘った", "門の前で番をした", "郵便屋さんに吠えた", "棒を取ってきた",
            "古い靴をかんだ", "骨を庭に埋めた", "月に向かって遠吠えした", "元気に走り回った",
        ],
        "food": ["骨", "肉", "ドッグフード"],
    },
}
JA_TIMES = ["今朝", "昨日", "夕方", "日曜日に", "昼ごはんのあと", "夜", "その日"]
JA_SUBJECTS = ["私", "私たち", "父", "母", "祖母", "祖父", "先生", "隣の人", "子どもたち", "友だち"]
JA_REACTIONS = ["笑った", "写真を撮った", "手をたたいた", "子どもたちを呼んだ"]


def ja_animal(rng: Dealer) -> str:
    adult = rng.choice(list(JA_SPECIES))
    species = JA_SPECIES[adult]
    young, acts = species["young"], species["acts"]
    slots = {
        "animal": adult if rng.random() < 0.5 else young, "adult": adult, "young": young,
        "act": rng.choice(acts), "act2": rng.choice(acts), "adj": rng.choice(species["adjs"]),
        "det": rng.choice(["その", "この", "うちの", "隣の家の", ""]),
        "p": rng.choice(["は", "が"]), "time": rng.choice(JA_TIMES),
        "subj": rng.choice(JA_SUBJECTS), "food": rng.choice(species["food"]),
        "reaction": rng.choice(JA_REACTIONS),
    }
    templates = [
        "{det}{animal}{p}{act}",
        "{det}{adj}{animal}{p}{act}",
        "{time}、{det}{animal}{p}{act}",
        "{animal}が{act}ので、{subj}は{reaction}",
        "{subj}は{det}{animal}が{act}のを見た",
        "{adult}と{young}が一緒に{act}",
        "{young}は{adult}のあとについて{act}",
        "{subj}は{animal}に{food}をあげた",
        "{det}{animal}は{food}が大好きだ",
        "{young}は{adult}の子どもだ",
        "{time}、{adj}{animal}{p}{act}",
    ]
    return ja_sentence(rng.choice(templates), **slots)


JA_GROUPS = {
    "ruler": {
        "pairs": [("王", "女王")], "adjs": ["年老いた", "賢い", "やさしい", "偉大な"],
        "acts": [
            "王国を治めた", "王座に座った", "金の王冠をかぶった", "城で宴を開いた",
            "新しい法律を定めた", "家来たちに命令を出した", "城の庭を歩いた",
            "国中の人々に語りかけた", "使者を城に迎えた",
        ],
    },
    "royal_child": {
        "pairs": [("王子", "王女")], "adjs": ["若い", "勇敢な", "小さな", "かしこい"],
        "acts": [
            "白い馬に乗った", "舞踏会で踊った", "城の庭で遊んだ", "竜と戦った",
            "高い塔に閉じこめられた", "魔法の指輪を見つけた", "森で道に迷った",
        ],
    },
    "adult": {
        "pairs": [("男", "女")], "adjs": ["年老いた", "背の高い", "やさしい", "疲れた"],
        "acts": [
            "畑で働いた", "市場で野菜を売った", "屋根を直した", "新聞を読んだ",
            "トラックを運転した", "庭に木を植えた", "駅でバスを待った", "重いかばんを運んだ",
        ],
    },
    "child": {
        "pairs": [("男の子", "女の子")], "adjs": ["小さな", "元気な", "恥ずかしがりの"],
        "acts": [
            "公園でサッカーをした", "絵をかいた", "木に登った", "学校へ行った", "たこをあげた",
            "宿題をした",
        ],
    },
}
JA_FEELINGS = ["疲れている", "うれしい", "おなかがすいた", "悲しい", "誇らしい"]


def ja_person(rng: Dealer) -> str:
    group = JA_GROUPS[rng.choice(list(JA_GROUPS))]
    male, female = rng.choice(group["pairs"])
    gender = rng.choice("mf")
    person, other = (male, female) if gender == "m" else (female, male)
    acts = group["acts"]
    slots = {
        "p": person, "other": other,
        "adj": rng.choice(group["adjs"]), "act": rng.choice(acts), "act2": rng.choice(acts),
        "feeling": rng.choice(JA_FEELINGS), "time": rng.choice(JA_TIMES),
    }
    templates = [
        "{adj}{p}は{act}",
        "{time}、{p}は{act}",
        "{p}と{other}は一緒に{act}",
        "むかしむかし、{adj}{p}が{act}",
        "{p}は{feeling}と言った",
        "みんなは{p}が{act}ことを知っていた",
        "ある日、{adj}{p}が{act}",
    ]
    return ja_sentence(rng.choice(templates), **slots)


JA_COUNTRIES = [
    ("フランス", "パリ", "フランス語", ["ワインを飲む", "パンを焼く"]),
    ("中国", "北京", "中国語", ["お茶を飲む", "ぎょうざを作る"]),
    ("日本", "東京", "日本語", ["すしを食べる", "桜を見る"]),
    ("イタリア", "ローマ", "イタリア語", ["ピザを焼く", "オペラを歌う"]),
    ("ドイツ", "ベルリン", "ドイツ語", ["ビールを飲む", "ソーセージを食べる"]),
    ("エジプト", "カイロ", "アラビア語", ["ピラミッドを見る", "ラクダに乗る"]),
]


def ja_country(rng: Dealer) -> str:
    (country, city, lang, acts) = chosen = rng.deal("countries", JA_COUNTRIES)
    other = rng.choice([c for c in JA_COUNTRIES if c is not chosen])
    slots = {
        "country": country, "city": city, "lang": lang, "act": rng.choice(acts),
        "city2": other[1], "subj": rng.choice(JA_SUBJECTS),
        "place": rng.choice([country, city]),
    }
    templates = [
        "{city}は{country}の首都だ", "{country}の首都は{city}だ",
        "{subj}は{city}から{city2}へ飛行機で行った", "{place}では{lang}が話されている",
        "{subj}は{place}で{lang}を学んだ", "{place}の人々は{act}",
    ]
    return ja_sentence(rng.choice(templates), **slots)


JA_THEMES: list[tuple[Theme, int]] = [
    (ja_animal, 50),
    (ja_person, 35),
    (ja_country, 15),
]


def make_corpus(
    rng: Dealer, themes: list[tuple[Theme, int]], n: int
) -> list[str]:
    """``n`` distinct sentences, themes drawn by weight.

    A theme that gives a sentence already written is asked again, so the weights hold even
    for themes with few variants.
    """
    funcs = [f for f, _ in themes]
    weights = [w for _, w in themes]
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        theme = rng.choices(funcs, weights)[0]
        for _ in range(100):
            line = theme(rng)
            if line not in seen:
                seen.add(line)
                out.append(line)
                break
    return out


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main() -> None:
    corpora = {
        "english.txt": (EN_THEMES, ENGLISH_SENTENCES),
        "chinese.txt": (ZH_THEMES, CHINESE_SENTENCES),
        "japanese.txt": (JA_THEMES, JAPANESE_SENTENCES),
    }
    for filename, (themes, n) in corpora.items():
        write_lines(HERE / filename, make_corpus(Dealer(SEED), themes, n))
    write_lines(HERE / "lessons.txt", LESSON_SENTENCES)


if __name__ == "__main__":
    main()
