// p2gctl: the operator's command line. See `p2gctl --help` and README ("Running the services").
import ArgumentParser
import Operator

@main
extension P2GControl {}
