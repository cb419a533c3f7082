print("gmmviz")
