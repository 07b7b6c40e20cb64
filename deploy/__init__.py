"""Running Fashion-MNIST Studio beyond one server: Redis, RQ workers, replicas behind nginx."""
