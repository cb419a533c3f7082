import GMM
