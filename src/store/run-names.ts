import { randomInt } from 'node:crypto';

// MLflow names unnamed runs `<adjective>-<noun>-<0..999>`; users recognise the shape in the UI.
const ADJECTIVES = [
  'able', 'adaptable', 'agreeable', 'amazing', 'ambitious', 'awesome', 'bedecked', 'bold', 'brawny', 'bright',
  'calm', 'capable', 'carefree', 'casual', 'charming', 'clean', 'clever', 'colorful', 'crawling', 'dapper',
  'debonair', 'delicate', 'enchanting', 'fearless', 'funny', 'gaudy', 'gentle', 'gifted', 'glamorous', 'grandiose',
  'honorable', 'intelligent', 'judicious', 'kindly', 'learned', 'legendary', 'likeable', 'luminous', 'masked', 'merciful',
  'nebulous', 'omniscient', 'orderly', 'overjoyed', 'polite', 'powerful', 'puzzled', 'redolent', 'resilient', 'rogue',
  'rumbling', 'salty', 'sassy', 'secretive', 'selective', 'serious', 'silent', 'skillful', 'smiling', 'spiffy',
  'stately', 'suave', 'sedate', 'thoughtful', 'traveling', 'trusting', 'unequaled', 'upbeat', 'useful', 'valuable',
  'victorious', 'welcoming', 'wise', 'zealous',
];
const NOUNS = [
  'ant', 'ape', 'asp', 'auk', 'bass', 'bat', 'bear', 'bee', 'bird', 'boar', 'bug', 'calf', 'carp', 'cat', 'chimp',
  'cod', 'colt', 'conch', 'cow', 'crab', 'crane', 'croc', 'crow', 'cub', 'deer', 'doe', 'dog', 'dolphin', 'donkey',
  'dove', 'duck', 'eel', 'elk', 'finch', 'fish', 'fly', 'foal', 'fowl', 'fox', 'frog', 'gnat', 'gnu', 'goat', 'goose',
  'grouse', 'grub', 'gull', 'hare', 'hawk', 'hen', 'hog', 'horse', 'hound', 'jay', 'kit', 'kite', 'koi', 'lamb',
  'lark', 'loon', 'lynx', 'mare', 'midge', 'mink', 'mole', 'moose', 'moth', 'mouse', 'mule', 'newt', 'owl', 'ox',
  'panda', 'penguin', 'perch', 'pig', 'pug', 'quail', 'ram', 'rat', 'ray', 'robin', 'roo', 'rook', 'seal', 'shad',
  'shark', 'sheep', 'shoat', 'shrew', 'shrike', 'shrimp', 'skink', 'skunk', 'sloth', 'slug', 'smelt', 'snail',
  'snake', 'snipe', 'sow', 'sponge', 'squid', 'stag', 'stoat', 'swan', 'tern', 'toad', 'trout', 'turtle', 'vole',
  'wasp', 'whale', 'wolf', 'worm', 'wren', 'yak', 'zebra', 'slug',
];

export function generateRunName(): string {
  return `${ADJECTIVES[randomInt(ADJECTIVES.length)]}-${NOUNS[randomInt(NOUNS.length)]}-${randomInt(1000)}`;
}
