// expect: Memory Match
// expect: Moves: 0
// expect: Pairs found: 0 / 8
// libs: lucide
import { useEffect, useState } from "react";
import { Anchor, Bird, Cat, Dog, Fish, Flower2, Moon, Sun, Trophy } from "lucide-react";

const ICONS = [Anchor, Bird, Cat, Dog, Fish, Flower2, Moon, Sun];

function shuffledDeck() {
  const deck = ICONS.flatMap((Icon, i) => [
    { id: i * 2, pair: i, Icon },
    { id: i * 2 + 1, pair: i, Icon },
  ]);
  for (let i = deck.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [deck[i], deck[j]] = [deck[j], deck[i]];
  }
  return deck;
}

export default function MemoryGame() {
  const [deck, setDeck] = useState(shuffledDeck);
  const [flipped, setFlipped] = useState([]);
  const [matched, setMatched] = useState([]);
  const [moves, setMoves] = useState(0);

  useEffect(() => {
    if (flipped.length !== 2) return;
    const [a, b] = flipped.map((id) => deck.find((c) => c.id === id));
    if (a.pair === b.pair) {
      setMatched((m) => [...m, a.pair]);
      setFlipped([]);
    } else {
      const t = setTimeout(() => setFlipped([]), 700);
      return () => clearTimeout(t);
    }
  }, [flipped, deck]);

  const flip = (card) => {
    if (flipped.length === 2 || flipped.includes(card.id) || matched.includes(card.pair)) return;
    setFlipped((f) => [...f, card.id]);
    if (flipped.length === 1) setMoves((m) => m + 1);
  };

  const restart = () => {
    setDeck(shuffledDeck());
    setFlipped([]);
    setMatched([]);
    setMoves(0);
  };

  const won = matched.length === ICONS.length;

  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 p-6">
      <h1 className="text-2xl font-bold text-indigo-700">Memory Match</h1>
      <div className="flex gap-6 text-sm text-gray-600">
        <span>Moves: {moves}</span>
        <span>Pairs found: {matched.length} / {ICONS.length}</span>
      </div>
      <div className="grid grid-cols-4 gap-3">
        {deck.map((card) => {
          const open = flipped.includes(card.id) || matched.includes(card.pair);
          const { Icon } = card;
          return (
            <button
              key={card.id}
              onClick={() => flip(card)}
              className={`flex h-16 w-16 items-center justify-center rounded-xl text-white shadow transition-transform ${
                open ? "bg-indigo-500" : "bg-indigo-200 hover:scale-105"
              }`}
            >
              {open && <Icon className="h-7 w-7" />}
            </button>
          );
        })}
      </div>
      {won && (
        <p className="flex items-center gap-2 font-semibold text-emerald-600">
          <Trophy className="h-5 w-5" /> You won in {moves} moves!
        </p>
      )}
      <button onClick={restart} className="rounded-md bg-indigo-600 px-4 py-2 text-sm text-white">
        New game
      </button>
    </div>
  );
}
