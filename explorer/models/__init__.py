"""Models a learner can watch train, each pure, seeded and steppable (see :mod:`.protocol`).

The word2vec trainer (:mod:`.word2vec.trainer`) came first; the models here follow the
same protocol so that one live player can drive any of them.
"""
