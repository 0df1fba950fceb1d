package exercise

import ()
