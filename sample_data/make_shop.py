"""Write the made-up shop log behind the "beyond words" lesson (item2vec).

Usage:
    python sample_data/make_shop.py

Writes four files next to this script:

* ``shop_sessions.txt``: one browsing or purchase session per line, the items as
  space-separated snake_case tokens (``tent sleeping_bag headlamp camping_stove``);
* ``shop_items.tsv``: every item with its category (a header line, then ``item<TAB>category``);
* ``shop_users.txt``: a handful of made-up shoppers, the name first, then their past items;
* ``shop_ratings.csv``: made-up star ratings, ``user,item,rating`` (1-5), for the
  recommender (user and item embedding tables), drawn from hidden tastes (below);
* ``shop_tastes.csv``: those hidden tastes, ``user,loved,disliked`` (categories separated by
  spaces), so the lesson can check a user's recommendations against what they really like.

How a session is drawn: a shopper comes with one interest (a category, some more popular
than others) or, one time in eight, two. For each interest, whole *missions* go into the
basket (a night in a tent: tent, sleeping bag, mat and pegs; each item kept four times in
five), best sellers more likely, until the session has its 3-10 items. Items of one mission
are *complements*, bought together. Six items have a *substitute* that takes their place
half of the time (a tent or a pop-up tent, rarely both): same company, never together.
Then comes noise: about one item in nine is swapped for an item of another category, and one
session in seven picks up an "everyday" item (batteries, a gift card) that goes with
anything. Items are shuffled, since a session is a basket more than a sentence.

What word2vec makes of it (``tests/test_items.py``): an item's nearest neighbours are of its
own category, its substitute first (input . input similarity finds items that keep the same
company); its complements come first by input . output similarity
(``explorer.models.item2vec.bought_with``): items that keep *each other's* company.

How the ratings are drawn (their own ``random.Random(RATINGS_SEED)``, so the session files
do not change): each of ``N_RATERS`` made-up users has a hidden *taste* for each category:
one or two categories loved (+1.5), one or two disliked (-1.5), the rest mild (uniform in
-0.5..0.5), everyday items neutral. Each item has a hidden quality (uniform in -0.5..0.5)
and each user a mood (some rate everything higher). A user rates 15-40 distinct items,
three in five from a loved category (people rate what they buy), the others anywhere; the
rating is ``3 + taste + quality + mood + noise`` (noise: Gaussian, sd 0.6), rounded and
clipped to 1-5. Items of one category share the tastes, so a model that factorises the
ratings should put them close together (``tests/models/test_recommender.py``).

Only the standard library is used and everything is drawn from ``random.Random(SEED)``
with SEED = 0 (the ratings from ``RATINGS_SEED``): running the script again rewrites the
files byte for byte.
``explorer.models.item2vec`` loads the files; ``tests/test_items.py`` checks what a model learns.
"""

from __future__ import annotations

import random
from pathlib import Path

SEED = 0
HERE = Path(__file__).resolve().parent
N_SESSIONS = 2500
MIN_ITEMS, MAX_ITEMS = 3, 10

# category -> its missions. A *mission* is a few items bought for one purpose (a night in a
# tent needs a tent, a sleeping bag, a mat and pegs): the complements. Best sellers first.
CATALOGUE: dict[str, list[list[str]]] = {
    "camping": [
        ["tent", "sleeping_bag", "sleeping_mat", "tent_pegs"],
        ["camping_stove", "fuel_canister", "cool_box"],
        ["headlamp", "compass", "water_filter"],
        ["camping_chair", "camping_table"],
    ],
    "baking": [
        ["flour", "dried_yeast", "bread_tin"],
        ["cake_tin", "mixing_bowl", "whisk", "cooling_rack"],
        ["piping_bag", "icing_sugar", "cake_sprinkles"],
        ["rolling_pin", "cookie_cutters", "baking_tray"],
    ],
    "gaming": [
        ["game_console", "controller", "charging_dock"],
        ["racing_game", "puzzle_game", "adventure_game"],
        ["gaming_mouse", "mechanical_keyboard", "mouse_mat"],
        ["gaming_headset", "gaming_chair"],
    ],
    "baby": [
        ["nappies", "baby_wipes", "changing_mat"],
        ["baby_bottle", "formula_milk", "bibs", "teething_ring"],
        ["pram", "car_seat", "baby_carrier"],
        ["cot", "baby_monitor", "night_light"],
    ],
    "running": [
        ["running_shoes", "running_socks", "running_shorts"],
        ["sports_watch", "heart_rate_strap", "phone_armband"],
        ["energy_gels", "water_bottle", "race_belt"],
        ["foam_roller", "massage_ball"],
    ],
    "gardening": [
        ["seed_packets", "compost", "plant_pots", "seed_tray"],
        ["spade", "garden_gloves", "trowel"],
        ["garden_hose", "hose_reel", "watering_can"],
        ["pruning_shears", "lawn_feed"],
    ],
    "coffee": [
        ["coffee_beans", "coffee_grinder", "french_press"],
        ["pour_over_dripper", "paper_filters", "gooseneck_kettle"],
        ["milk_frother", "espresso_cups", "travel_mug"],
    ],
    "painting": [
        ["canvas", "acrylic_paints", "paint_brushes", "easel"],
        ["sketchbook", "pencils", "eraser"],
        ["watercolour_set", "watercolour_paper", "palette"],
    ],
}
# how many shoppers come for each category
CATEGORY_WEIGHTS: dict[str, float] = {
    "camping": 1.2,
    "baking": 1.1,
    "gaming": 1.0,
    "baby": 1.0,
    "running": 0.9,
    "gardening": 0.9,
    "coffee": 0.8,
    "painting": 0.7,
}
MISSION_KEEP = 0.8  # each item of a chosen mission makes it into the basket this often

# Substitutes: one or the other, rarely both (a shopper buys one tent). When the first is
# picked, the second takes its place this often; it keeps all the company the first keeps.
SUBSTITUTES: dict[str, str] = {
    "tent": "pop_up_tent",
    "game_console": "handheld_console",
    "running_shoes": "trail_shoes",
    "coffee_grinder": "hand_grinder",
    "spade": "garden_fork",
    "cot": "travel_cot",
}
SUBSTITUTE_RATE = 0.5

# Items that go with anything (no category of their own, in "everyday").
EVERYDAY = ["batteries", "gift_card", "tote_bag", "gift_wrap"]
EVERYDAY_RATE = 1 / 7  # sessions that pick up one of them
NOISE_RATE = 1 / 9  # items swapped for one from another category
TWO_INTERESTS_RATE = 1 / 8  # sessions that mix two categories

# Written by hand for the user-item scoring demo: clear tastes, a mix, and a newcomer.
USERS: list[tuple[str, list[str]]] = [
    ("alex", ["tent", "headlamp", "compass"]),
    ("bea", ["flour", "whisk", "cake_tin", "piping_bag"]),
    ("chen", ["game_console", "racing_game"]),
    ("dana", ["nappies", "pram", "baby_monitor"]),
    ("eli", ["running_shoes", "sports_watch", "sleeping_bag", "camping_stove"]),
    ("fran", ["seed_packets", "trowel", "coffee_beans", "french_press"]),
    ("gus", ["sketchbook"]),
]


# The ratings log (shop_ratings.csv), from hidden tastes; see the module docstring.
RATINGS_SEED = 1
N_RATERS = 400
MIN_RATED, MAX_RATED = 15, 40
LOVED, DISLIKED, MILD = 1.5, -1.5, 0.5  # taste for a loved / disliked / other category
QUALITY, MOOD, RATING_NOISE = 0.5, 0.5, 0.6
FROM_LOVED = 0.6  # share of a user's ratings picked from a loved category


def _pick_missions(rng: random.Random, missions: list[list[str]], share: int) -> list[str]:
    """Whole missions (best sellers more likely) until ``share`` items are in the basket."""
    basket: list[str] = []
    left = list(missions)
    while left and len(basket) < share:
        weights = [1 / (missions.index(m) + 1.5) for m in left]
        mission = left.pop(rng.choices(range(len(left)), weights=weights)[0])
        kept = [item for item in mission if rng.random() < MISSION_KEEP] or mission[:1]
        for item in kept:
            swap = item in SUBSTITUTES and rng.random() < SUBSTITUTE_RATE
            basket.append(SUBSTITUTES[item] if swap else item)
    return basket


def make_session(rng: random.Random) -> list[str]:
    """One session: its interests' missions, some noise, an everyday item now and then."""
    names = list(CATALOGUE)
    weights = [CATEGORY_WEIGHTS[c] for c in names]
    length = rng.randint(MIN_ITEMS, MAX_ITEMS)
    interests = [rng.choices(names, weights=weights)[0]]
    if rng.random() < TWO_INTERESTS_RATE:
        interests.append(rng.choice([c for c in names if c != interests[0]]))
    shares = [length] if len(interests) == 1 else [(length + 1) // 2, length // 2]
    session: list[str] = []
    for category, share in zip(interests, shares, strict=True):
        session += _pick_missions(rng, CATALOGUE[category], share)
    # noise: an item of another category now and then
    for i in range(len(session)):
        if rng.random() < NOISE_RATE:
            category = rng.choice([c for c in names if c not in interests])
            stranger = rng.choice([item for m in CATALOGUE[category] for item in m])
            if stranger not in session:
                session[i] = stranger
    if rng.random() < EVERYDAY_RATE:
        session.append(rng.choice(EVERYDAY))
    rng.shuffle(session)
    return session[:MAX_ITEMS]


def make_sessions(n: int = N_SESSIONS, seed: int = SEED) -> list[list[str]]:
    rng = random.Random(seed)
    return [make_session(rng) for _ in range(n)]


def categories() -> dict[str, str]:
    """item -> category, for every item of the catalogue and the everyday items."""
    out = {
        item: category
        for category, missions in CATALOGUE.items()
        for mission in missions
        for item in mission
    }
    for item, alternative in SUBSTITUTES.items():
        out[alternative] = out[item]
    out.update(dict.fromkeys(EVERYDAY, "everyday"))
    return out


def make_ratings(
    seed: int = RATINGS_SEED, tastes: dict[str, tuple[list[str], list[str]]] | None = None
) -> list[tuple[str, str, int]]:
    """``(user, item, rating)`` rows drawn from hidden tastes (see the module docstring).

    ``tastes``, if given, is filled with ``{user: (loved categories, disliked categories)}``
    (no extra random draws: the ratings are the same with or without it).
    """
    rng = random.Random(seed)
    item_category = categories()
    items = list(item_category)
    names = list(CATALOGUE)
    quality = {item: rng.uniform(-QUALITY, QUALITY) for item in items}
    rows: list[tuple[str, str, int]] = []
    for u in range(N_RATERS):
        user = f"user{u + 1:03d}"
        order = rng.sample(names, len(names))
        n_loved, n_disliked = rng.randint(1, 2), rng.randint(1, 2)
        taste = {c: rng.uniform(-MILD, MILD) for c in names}
        taste.update(dict.fromkeys(order[:n_loved], LOVED))
        taste.update(dict.fromkeys(order[n_loved : n_loved + n_disliked], DISLIKED))
        taste["everyday"] = 0.0
        if tastes is not None:
            tastes[user] = (order[:n_loved], order[n_loved : n_loved + n_disliked])
        loved_items = [i for i in items if item_category[i] in order[:n_loved]]
        mood = rng.uniform(-MOOD, MOOD)
        rated: dict[str, int] = {}
        target = rng.randint(MIN_RATED, MAX_RATED)
        while len(rated) < target:
            item = rng.choice(loved_items if rng.random() < FROM_LOVED else items)
            if item in rated:
                continue
            score = 3 + taste[item_category[item]] + quality[item] + mood
            rated[item] = min(5, max(1, round(score + rng.gauss(0, RATING_NOISE))))
        rows += [(user, item, rating) for item, rating in rated.items()]
    return rows


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def main() -> None:
    known = categories()
    for _, items in USERS:
        assert all(item in known for item in items), items
    sessions = make_sessions()
    _write(HERE / "shop_sessions.txt", [" ".join(s) for s in sessions])
    _write(HERE / "shop_items.tsv", ["item\tcategory"] + [f"{i}\t{c}" for i, c in known.items()])
    _write(HERE / "shop_users.txt", [" ".join([name, *items]) for name, items in USERS])
    tastes: dict[str, tuple[list[str], list[str]]] = {}
    ratings = make_ratings(tastes=tastes)
    rating_lines = [f"{user},{item},{rating}" for user, item, rating in ratings]
    _write(HERE / "shop_ratings.csv", ["user,item,rating", *rating_lines])
    taste_lines = [f"{u},{' '.join(loved)},{' '.join(bad)}" for u, (loved, bad) in tastes.items()]
    _write(HERE / "shop_tastes.csv", ["user,loved,disliked", *taste_lines])
    n_tokens = sum(map(len, sessions))
    distinct = len({item for s in sessions for item in s})
    print(f"shop_sessions.txt: {len(sessions)} sessions, {n_tokens} items, {distinct} distinct")
    print(f"shop_items.tsv: {len(known)} items in {len(set(known.values()))} categories")
    print(f"shop_users.txt: {len(USERS)} users")
    print(f"shop_ratings.csv: {len(ratings)} ratings by {N_RATERS} users")
    print(f"shop_tastes.csv: the hidden tastes of {len(tastes)} users")


if __name__ == "__main__":
    main()
