"""Maps of many vectors in 2D or 3D (PCA, t-SNE, word axes) and how faithful they are."""
