(export square area shape? shape-kind dialect has-stack counter count! collect announce)
