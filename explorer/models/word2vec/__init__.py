"""word2vec: its objectives, the steppable trainer, the Huffman tree, the gensim-like model."""
