from procesmap.cli import main

main()
