#include "cli/commands.h"

int main(int argc, char** argv) { return finsam::RunCli(argc, argv); }
