"""The Huffman tree of hierarchical softmax: words are leaves, inner nodes ask yes/no questions.

Usage:
    >>> tree = HuffmanTree.from_counts([40, 30, 20, 10])    # word ids 0..3, most frequent first
    >>> tree.code(0).tolist(), tree.point(0).tolist()        # word 0: left at the root
    ([0], [2])
    >>> tree.code(3).tolist(), tree.point(3).tolist()        # word 3: three questions deep
    ([1, 1, 0], [2, 1, 0])
    >>> round(tree.mean_code_length([40, 30, 20, 10]), 2)    # questions per word, on average
    1.9

Hierarchical softmax (Morin & Bengio; word2vec's ``hs=1``) puts the ``V`` words at the leaves
of a binary tree. Predicting a word is walking from the root to its leaf: at each of the
``V - 1`` inner nodes, a logistic regression on the hidden vector ``h`` (the node's row of
``W_out``) says left or right. ``p(word | h)`` is the product of the probabilities of the
turns on its path, which sum to 1 over all words without ever scoring all of them: a word
costs ``len(path)`` dot products instead of ``V``. Huffman coding makes frequent words'
paths short, so the average cost per token is close to the entropy of the word frequencies
(about ``log2 V`` or less).

The tree is built exactly as gensim builds it (``gensim.models.word2vec._build_heap`` and
``_assign_binary_codes``): a heap of ``(count, id)`` items compared by count alone, the two
smallest popped (first: left, code bit 0; second: right, bit 1) and merged into inner node
``j`` (``j = 0, 1, ..., V - 2``, the root last). ``point`` lists a word's inner nodes from
the root down, ``code`` the turns taken. For the same counts in the same order, codes and
points equal gensim's ``wv.get_vecattr(word, "code")`` / ``"point"``
(``tests/test_huffman.py`` checks it).
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from explorer.i18n import M_, Message


class _Item(NamedTuple):
    """A heap entry; like gensim's ``Heapitem`` it compares by count only (ties: heap order)."""

    count: int
    index: int

    def __lt__(self, other: tuple) -> bool:  # type: ignore[override]
        return self.count < other.count


@dataclass(frozen=True, eq=False)
class HuffmanTree:
    """The tree, as arrays.

    Attributes:
        counts: the words' counts it was built from, ``(V,)``.
        children: ``(V - 1, 2)``, the left and right child of inner node ``j``; an id below
            ``V`` is a word, ``V + i`` is inner node ``i``.
        node_counts: ``(V - 1,)``, the summed count of the words below each inner node.
        codes: ``(V, L)`` uint8, word ``w``'s turns from the root (0 left, 1 right), padded
            with 0 after ``lengths[w]``; ``L`` is the longest path.
        points: ``(V, L)`` int32, the inner nodes on the way (root first), padded with the
            root (an id every path holds: padding then adds no row to a batch).
        lengths: ``(V,)``, how many questions each word takes.
    """

    counts: np.ndarray
    children: np.ndarray
    node_counts: np.ndarray
    codes: np.ndarray
    points: np.ndarray
    lengths: np.ndarray
    _labels: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_counts(cls, counts: Sequence[int] | np.ndarray) -> HuffmanTree:
        """The tree of ``counts`` (word ``i`` has count ``counts[i]``; at least 2 words)."""
        counts = np.asarray(counts, dtype=np.int64)
        V = len(counts)
        if V < 2:
            raise ValueError("a Huffman tree needs at least 2 words")
        heap = [_Item(int(c), i) for i, c in enumerate(counts)]
        heapq.heapify(heap)
        children = np.empty((V - 1, 2), dtype=np.int64)
        node_counts = np.empty(V - 1, dtype=np.int64)
        for j in range(V - 1):  # gensim's _build_heap
            first, second = heapq.heappop(heap), heapq.heappop(heap)
            children[j] = first.index, second.index
            node_counts[j] = first.count + second.count
            heapq.heappush(heap, _Item(first.count + second.count, V + j))
        # Walk down from the root (inner node V - 2); a node is made after its children, so
        # going through the inner nodes from the last one visits every parent first.
        parent = np.zeros(2 * V - 1, dtype=np.int64)
        bit = np.zeros(2 * V - 1, dtype=np.uint8)
        depth = np.zeros(2 * V - 1, dtype=np.int64)
        for j in range(V - 2, -1, -1):
            for side in (0, 1):
                child = children[j, side]
                parent[child], bit[child], depth[child] = j, side, depth[V + j] + 1
        lengths = depth[:V]
        L = int(lengths.max())
        codes = np.zeros((V, L), dtype=np.uint8)
        points = np.full((V, L), V - 2, dtype=np.int32)
        node = np.arange(V)  # climb from every leaf at once, filling the paths from the end
        level = lengths - 1
        while (alive := level >= 0).any():
            rows, cols = np.flatnonzero(alive), level[alive]
            codes[rows, cols] = bit[node[alive]]
            points[rows, cols] = parent[node[alive]]
            node = np.where(alive, V + parent[node], node)
            level = level - 1
        return cls(counts, children, node_counts, codes, points, lengths)

    @property
    def n_words(self) -> int:
        return len(self.counts)

    @property
    def root(self) -> int:
        """The root's inner-node id (``V - 2``: the last node made)."""
        return self.n_words - 2

    def code(self, word: int) -> np.ndarray:
        """Word ``word``'s turns from the root: 0 = left, 1 = right (gensim's ``code``)."""
        return self.codes[word, : self.lengths[word]]

    def point(self, word: int) -> np.ndarray:
        """The inner nodes on word ``word``'s path, root first (gensim's ``point``)."""
        return self.points[word, : self.lengths[word]]

    def labels(self, dtype: type = np.float32) -> np.ndarray:
        """``(V, L)``: the answer each node on a word's path should give, for
        :func:`.objectives.binary_loss`: +1 (go left: code 0, ``s(u . h) -> 1``),
        -1 (go right: code 1), 0 after the path's end."""
        key = np.dtype(dtype).str
        if key not in self._labels:
            on_path = np.arange(self.codes.shape[1]) < self.lengths[:, None]
            self._labels[key] = np.where(on_path, 1 - 2 * self.codes.astype(np.int8), 0).astype(
                dtype
            )
        return self._labels[key]

    def mean_code_length(self, weights: Sequence[float] | np.ndarray | None = None) -> float:
        """The average path length, weighted by ``weights`` (default: the counts), i.e. the
        number of dot products per predicted token."""
        weights = self.counts if weights is None else np.asarray(weights, dtype=np.float64)
        return float(np.average(self.lengths, weights=weights))

    def word_log_probabilities(self, scores: np.ndarray) -> np.ndarray:
        """``log p(w | h)`` for every word, from the inner nodes' scores ``u_j . h`` (``(V - 1,)``
        or ``(B, V - 1)``): the sum of ``log s(label * score)`` along each word's path."""
        from scipy.special import log_expit

        scores = np.asarray(scores, dtype=np.float64)
        labels = self.labels(np.float64)
        return (log_expit(scores[..., self.points] * labels) * (labels != 0)).sum(axis=-1)


def path_nodes(
    tree: HuffmanTree, words: Sequence[int], limit: int = 16
) -> tuple[np.ndarray, list[Message]]:
    """The inner nodes on the paths of ``words``, root first (by depth, then id), at most
    ``limit``; with a label each ("root", "node 12": messages, shown with ``str``). Usage:
        >>> ids, labels = path_nodes(tree, [word_id("cat"), word_id("kitten")])
        >>> W_out[ids]    # the hierarchical softmax's output vectors these words depend on
    """
    nodes = np.unique(np.concatenate([tree.point(w) for w in words] or [np.zeros(0, int)]))
    depth = np.zeros(tree.n_words - 1, dtype=np.int64)  # an inner node's depth: its place
    for w in words:  # on any path through it
        depth[tree.point(w)] = np.arange(tree.lengths[w])
    nodes = nodes[np.lexsort((nodes, depth[nodes]))][:limit]
    labels = [M_("root") if n == tree.root else M_("node {node}", node=int(n)) for n in nodes]
    return nodes, labels


def output_rows(
    tree: HuffmanTree | None, words: Sequence[int], labels: Sequence[str]
) -> tuple[np.ndarray, list[str | Message], Message]:
    """Which rows of ``W_out`` to show beside the words ``words`` (``labels``), and a title
    (a message, like the nodes' labels: the chart shows them with ``str``).

    Without a tree, the words' own output vectors. With the hierarchical softmax ``W_out``
    has no row per word: its rows are the tree's inner nodes, so the ones on these words'
    paths are shown (what the words' probabilities are made of).
    """
    if tree is None:
        return np.asarray(words), list(labels), M_("W_out: output vectors")
    nodes, names = path_nodes(tree, words)
    return nodes, list(names), M_("W_out: the tree's nodes on these words' paths")


def top_of_tree(
    tree: HuffmanTree,
    words: Sequence[int],
    names: Sequence[str],
    highlight: int | None = None,
) -> tuple[list[dict], list[dict]]:
    """The part of ``tree`` that holds ``words``, laid out for a picture (root on the left).

    Usage:
        >>> nodes, edges = top_of_tree(tree, range(20), vocab.index_to_key, highlight=7)

    Each inner node on the paths of ``words`` (and of ``highlight``) is drawn with both its
    children: a word, named by ``names``, or a subtree that none of them is in, drawn as one
    leaf that stands for its words ("… 40 words"). ``x`` is the depth, ``y`` the order of the
    leaves (left child first, from the top); an inner node sits halfway between its children.

    Returns ``(nodes, edges)``: nodes have ``kind`` ("node", "word" or "more"), ``label``
    (a word or a message), ``x``, ``y`` and ``count`` (the words' summed count below); edges
    have ``x, y, x2, y2``, their ``bit`` (0 left, 1 right) and ``on_path`` (on
    ``highlight``'s path).
    """
    V = tree.n_words
    shown = [*words, *([] if highlight is None else [highlight])]
    inner = {int(n) for w in shown for n in tree.point(w)}
    path = set() if highlight is None else {int(n) + V for n in tree.point(highlight)}
    path |= set() if highlight is None else {int(highlight)}
    n_words = np.ones(2 * V - 1, dtype=np.int64)  # words below each node (a word: itself)
    for j in range(V - 1):  # children are made before their parent
        n_words[V + j] = n_words[tree.children[j]].sum()
    counts = np.concatenate([tree.counts, tree.node_counts])
    nodes: list[dict] = []
    edges: list[dict] = []
    next_leaf = [0]

    def place(node: int, depth: int) -> float:
        if node >= V and node - V in inner:
            ys = [place(int(child), depth + 1) for child in tree.children[node - V]]
            y = sum(ys) / 2
            for bit, (child, child_y) in enumerate(zip(tree.children[node - V], ys, strict=True)):
                edges.append(
                    {"x": depth, "y": y, "x2": depth + 1, "y2": child_y, "bit": bit,
                     "on_path": int(child) in path}
                )  # fmt: skip
            kind = "node"
            label = M_("root") if node - V == tree.root else ""
        else:
            y = float(next_leaf[0])
            next_leaf[0] += 1
            kind = "word" if node < V else "more"
            label = names[node] if node < V else M_("… {n} words", n=int(n_words[node]))
        nodes.append({"kind": kind, "label": label, "x": depth, "y": y, "count": int(counts[node])})
        return y

    place(V + tree.root, 0)
    return nodes, edges
